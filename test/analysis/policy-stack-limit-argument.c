// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-stack-limit=64 -I %inputs %s
// stack-limit=N changes the per-object limit.
#include "alloc.h"

void f(void) {
  char *a = malloc(64); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(65); // expected-remark {{stays on the heap: size 65 exceeds the stack limit 64}}
  free(a);
  free(b);
}
