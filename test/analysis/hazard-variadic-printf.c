// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// printf is in the table: its variadic arguments are only read.
#include "alloc.h"

void report(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 0;
  printf("%s\n", p);
  free(p);
}
