// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer into the allocation, not to its start, still carries it out.
#include "alloc.h"

char *tail(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: returned from 'tail'}}
  return p + 8;
}
