// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// sprintf writes into its buffer and reads its variadic arguments.
#include "alloc.h"

int show(int v) {
  char *b = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  int n = sprintf(b, "%d", v);
  puts(b);
  free(b);
  return n;
}
