// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store to an _Atomic global escapes.
#include "alloc.h"

_Atomic(char *) shared;
void publish(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap}}
  shared = p;
}
