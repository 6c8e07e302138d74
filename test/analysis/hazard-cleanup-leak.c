// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A cleanup function that stores the object into a global makes it escape.
#include "alloc.h"

char *last;
static void stash(char **p) { last = *p; } // expected-remark {{leaking param content: 'p'}}
void f(void) {
  char *p __attribute__((cleanup(stash))) = malloc(8); // expected-remark {{escapes to heap}}
  p[0] = 1;
}
