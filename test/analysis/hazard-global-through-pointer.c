// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store through a local pointer to a global escapes.
#include "alloc.h"

char *last;
void remember(void) {
  char **slot = &last;
  *slot = malloc(16); // expected-remark {{'*slot' escapes to heap}}
}
