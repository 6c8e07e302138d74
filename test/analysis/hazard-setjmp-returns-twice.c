// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Any returns_twice function counts as setjmp; the remark names it.
#include "alloc.h"

int my_setjmp(long *) __attribute__((returns_twice));
int guarded(long *env) { // expected-remark {{leaking param: 'env'}}
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function calls 'my_setjmp', which returns twice}}
  int r = my_setjmp(env);
  free(p);
  return r;
}
