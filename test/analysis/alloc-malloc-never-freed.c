// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A malloc that is never freed and never leaves its function still does not escape.
#include "alloc.h"

int leaky(void) {
  int *p = malloc(sizeof(int)); // expected-remark {{allocation does not escape; would move to the stack}}
  *p = 3;
  return *p;
}
