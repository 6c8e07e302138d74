// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Storing an allocation through an out-parameter escapes.
#include "alloc.h"

int make(char **out) {
  *out = malloc(16); // expected-remark {{'*out' escapes to heap: stored into '*out'}}
  return 0;
}
