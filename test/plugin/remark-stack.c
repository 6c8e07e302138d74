// RUN: %escape -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A small constant-size buffer freed before return moves to the stack.
#include "alloc.h"

int sum(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; moved to the stack}}
  for (int i = 0; i < 16; i++)
    p[i] = (char)i;
  int s = p[3] + p[7];
  free(p);
  return s;
}
