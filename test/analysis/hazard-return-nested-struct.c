// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer in a struct nested inside the returned struct escapes.
#include "alloc.h"

struct inner { char *data; };
struct outer { int tag; struct inner in; };
struct outer make(void) {
  struct outer o;
  o.tag = 1;
  o.in.data = malloc(16); // expected-remark {{'o.in.data' escapes to heap: returned from 'make'}}
  return o;
}
