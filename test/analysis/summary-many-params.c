// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Each parameter gets its own leak tag.
#include "alloc.h"

char *last;
char *mix(char *a, char *b, char *c) { // expected-remark {{leaking param: 'a'}} expected-remark {{leaking param: 'b' to result}}
  last = a;
  (void)c;
  return b;
}
