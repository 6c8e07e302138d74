// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strlen, strcmp and memcmp only read their arguments.
#include "alloc.h"

int cmp(const char *s) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "abc");
  int r = (int)strlen(p) + strcmp(p, s) + memcmp(p, s, 3);
  free(p);
  return r;
}
