// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strtol stores a pointer into its first argument into *endptr.
#include "alloc.h"

char *rest;
long parse(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'rest'}}
  strcpy(p, "12x");
  char *end;
  long v = strtol(p, &end, 10);
  rest = end;
  return v;
}
