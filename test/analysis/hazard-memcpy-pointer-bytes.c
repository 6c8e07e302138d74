// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// memcpy of a pointer's bytes into a global carries the allocation out.
#include "alloc.h"

char *last;
void keep(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  memcpy(&last, &p, sizeof p);
}
