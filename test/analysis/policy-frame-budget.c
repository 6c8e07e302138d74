// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=big -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-frame-budget=4096 -I %inputs %s
// The default frame budget is 1 KiB: the sites that would exceed it go to
// the arena.  Code on small stacks (coroutines) mallocs what it would not
// put there: four 1000-byte buffers in each of two nested functions
// overflowed a 6 KiB coroutine stack with the 4 KiB budget.
// frame-budget raises it.
#include "alloc.h"
void f(void) {
  char *a = malloc(512);  // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(512);  // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  char *c = malloc(1024); // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the stack}}
  char *d = malloc(1024); // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the stack}}
  char *e = malloc(16);   // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the stack}}
  char *g = malloc(1024); // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the frame arena}}
  free(a); free(b); free(c); free(d); free(e); free(g);
}
