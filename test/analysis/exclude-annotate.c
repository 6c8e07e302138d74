// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// __attribute__((annotate("escape_off"))) excludes one function.
#include "alloc.h"

__attribute__((annotate("escape_off"))) void off(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: promotion disabled for this function}}
  free(p);
}
void on(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  free(p);
}
