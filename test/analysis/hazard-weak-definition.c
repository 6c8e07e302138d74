// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A weak definition may be replaced at link time: its summary cannot be trusted.
#include "alloc.h"

__attribute__((weak)) void sink(void *p) { (void)p; }
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'sink'}}
  sink(p);
  free(p);
}
