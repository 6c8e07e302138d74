// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Mutual recursion: a leak in one function of the cycle leaks through the other.
#include "alloc.h"

char *last;
int odd(char *p, int n);
int even(char *p, int n) { return n ? odd(p, n - 1) : 0; } // expected-remark {{leaking param: 'p'}}
int odd(char *p, int n) { // expected-remark {{leaking param: 'p'}}
  if (n == 1)
    last = p;
  return n ? even(p, n - 1) : 1;
}
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'even', whose parameter 'p' leaks}}
  even(p, 4);
}
