// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// setjmp in another function does not affect this one.
#include "alloc.h"

jmp_buf env;
int guard(void) { return setjmp(env); }
void work(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 0;
  free(p);
}
