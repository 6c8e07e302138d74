// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strcpy returns its destination.
#include "alloc.h"

char *dup3(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: returned from 'dup3'}}
  return strcpy(p, "abc");
}
