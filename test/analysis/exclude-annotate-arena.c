// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// An excluded function gets no frame arena either.
#include "alloc.h"

__attribute__((annotate("escape_off"))) void off(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; stays on the heap: promotion disabled for this function}}
  free(p);
}
