// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Mutual recursion that only reads the parameter leaks nothing.
#include "alloc.h"

int odd(const char *p, int n);
int even(const char *p, int n) { return n ? odd(p, n - 1) : p[0]; }
int odd(const char *p, int n) { return n ? even(p, n - 1) : p[1]; }
int use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = p[1] = 1;
  int r = even(p, 4);
  free(p);
  return r;
}
