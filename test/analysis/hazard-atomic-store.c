// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An atomic store of the pointer escapes.
#include "alloc.h"

char *shared;
void publish(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: used by an atomic operation}}
  __atomic_store_n(&shared, p, __ATOMIC_RELEASE);
}
