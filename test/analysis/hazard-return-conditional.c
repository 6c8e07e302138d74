// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Both arms of a returned conditional escape.
#include "alloc.h"

char *pick(int c) {
  char *a = malloc(8); // expected-remark {{'a' escapes to heap: returned from 'pick'}}
  char *b = malloc(8); // expected-remark {{'b' escapes to heap: returned from 'pick'}}
  return c ? a : b;
}
