// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An out-parameter written through a local copy of it still escapes.
#include "alloc.h"

void make(char **out) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap}}
  char **o = out;
  *o = p;
}
