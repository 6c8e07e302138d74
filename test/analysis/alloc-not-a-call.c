// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Taking malloc's address is not an allocation site.
#include "alloc.h"

// expected-no-diagnostics
void *(*get(void))(size_t) {
  return malloc;
}
