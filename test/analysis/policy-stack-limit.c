// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=big -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-stack-limit=4096 -fplugin-arg-escape-frame-budget=4096 -I %inputs %s
// The default stack limit is 1024 bytes per object: 1024 fits, 1025 goes to
// the arena.  stack-limit raises it (with frame-budget, 1 KiB by default).
#include "alloc.h"
void f(void) {
  char *a = malloc(1024); // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(1025); // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the stack}}
  free(a);
  free(b);
}
