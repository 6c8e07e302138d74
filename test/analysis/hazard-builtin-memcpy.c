// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// __builtin_memcpy is memcpy.
#include "alloc.h"

char *last;
void keep(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  __builtin_memcpy(&last, &p, sizeof p);
}
