// The other file of test/rewriter/noescape-callee-frees-differential.c:
// functions whose parameters are noescape, one that frees its block, one
// that reallocates it into a global, one that only reads it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *kept;

void consume(__attribute__((noescape)) char *p) {
  printf("consume %s\n", p);
  free(p);
}

void regrow(__attribute__((noescape)) char *p) {
  char *q = realloc(p, 4096);
  strcat(q, "+grown");
  kept = q; // a copy of realloc's result, not of p
}

void look(__attribute__((noescape)) const char *p) { printf("look %s\n", p); }
