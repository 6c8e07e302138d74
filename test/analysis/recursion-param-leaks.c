// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A recursive function that stores its parameter at the bottom leaks it.
#include "alloc.h"

char *last;
void walk(char *p, int n) { // expected-remark {{leaking param: 'p'}}
  if (!n) {
    last = p;
    return;
  }
  walk(p, n - 1);
}
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'walk', whose parameter 'p' leaks}}
  walk(p, 3);
}
