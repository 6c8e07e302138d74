// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strtol with a local endptr keeps the string local.
#include "alloc.h"

long parse(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "12x");
  char *end;
  long v = strtol(p, &end, 10);
  v += end[0];
  free(p);
  return v;
}
