// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// The default frame budget is 4 KiB: the site that would exceed it goes to the arena.
#include "alloc.h"
void f(void) {
  char *a = malloc(1024); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(1024); // expected-remark {{allocation does not escape; would move to the stack}}
  char *c = malloc(1024); // expected-remark {{allocation does not escape; would move to the stack}}
  char *d = malloc(1024); // expected-remark {{allocation does not escape; would move to the stack}}
  char *e = malloc(16);   // expected-remark {{allocation does not escape; would move to the frame arena}}
  free(a); free(b); free(c); free(d); free(e);
}
