// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A cleanup function the analysis cannot see makes the variable's pointee escape.
#include "alloc.h"

void release(char **p);
int f(void) {
  char *p __attribute__((cleanup(release))) = malloc(8); // expected-remark {{'p' escapes to heap: passed to cleanup function 'release'}}
  p[0] = 1;
  return p[0];
}
