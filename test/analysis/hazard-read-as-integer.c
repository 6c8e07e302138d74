// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Pointer bytes copied into an integer object escape.
#include "alloc.h"

char *hide(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: read as an integer}}
  long l;
  memcpy(&l, &p, sizeof p);
  return (char *)l;
}
