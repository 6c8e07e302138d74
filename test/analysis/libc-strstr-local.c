// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strstr's result points into the haystack; used locally it stays local.
#include "alloc.h"

int find(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "abc");
  char *q = strstr(p, "b");
  int r = q ? q[0] : 0;
  free(p);
  return r;
}
