// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer stored into a char buffer through a cast is tracked through the buffer.
#include "alloc.h"

char *last;
void use(void) {
  char b[16];
  *(char **)b = malloc(8); // expected-remark {{escapes to heap: assigned to global 'last'}}
  last = *(char **)b;
}
