// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Returning the malloc call itself escapes, with no name to report.
#include "alloc.h"

void *make(void) {
  return malloc(16); // expected-remark {{allocation escapes to heap: returned from 'make'}}
}
