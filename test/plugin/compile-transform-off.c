// RUN: %escape -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-transform=0 -I %inputs %s
// With transform=0 a compile reports what it would do and changes nothing.
#include "alloc.h"

int sum(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int s = p[0];
  free(p);
  return s;
}
