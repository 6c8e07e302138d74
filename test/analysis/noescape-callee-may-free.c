// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// noescape says a function keeps no copy of the pointer, not that it leaves
// the block alone: a function whose code is in another file may free or
// reallocate it, with a free() this compile cannot redirect.  The block
// stays on the heap unless this function frees the same pointer after the
// call on every path (then the callee did not).
#include "alloc.h"

void consume(__attribute__((noescape)) char *p);
void look(__attribute__((noescape)) char *p);

// static and not called: see hidden-recursion.c
static void handed_over(void) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; stays on the heap: may be freed by 'consume' (noescape does not say it is not)}}
  consume(p);
}

static void freed_here(int c) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  look(p);
  if (c)
    look(p);
  free(p);
}

static void freed_on_some_paths(int c) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; stays on the heap: may be freed by 'look' (noescape does not say it is not)}}
  look(p);
  if (c)
    free(p);
}

static void reassigned(void) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; stays on the heap: may be freed by 'consume' (noescape does not say it is not)}}
  consume(p);
  p = 0; // the free below is not of the block
  free(p);
}
