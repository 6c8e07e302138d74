// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// aligned_alloc results that reach a global escape like malloc's.
#include "alloc.h"

void *table;
void init(void) {
  table = aligned_alloc(64, 4096); // expected-remark {{'table' escapes to heap: assigned to global 'table'}}
}
