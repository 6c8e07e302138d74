// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// asprintf reads its arguments and stores a fresh heap pointer into *strp.
#include "alloc.h"

int show(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "x");
  char *s;
  int n = asprintf(&s, "%s", p);
  free(p);
  free(s);
  return n;
}
