// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// The escape_off annotation on an earlier declaration applies to the definition.
#include "alloc.h"

__attribute__((annotate("escape_off"))) void off(void);
void off(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: promotion disabled for this function}}
  free(p);
}
