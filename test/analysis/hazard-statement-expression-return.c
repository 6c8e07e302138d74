// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A statement expression in a return statement carries its value out.
#include "alloc.h"

char *make(void) {
  return ({ char *p = malloc(8); p; }); // expected-remark {{'p' escapes to heap: returned from 'make'}}
}
