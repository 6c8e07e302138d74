// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store into an element of a global array escapes.
#include "alloc.h"

char *slots[8];
void put(int i) {
  slots[i] = malloc(16); // expected-remark {{escapes to heap}}
}
