// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A call through a function pointer in a struct is indirect.
#include "alloc.h"

struct ops { void (*use)(char *); };
void run(struct ops *o) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to an indirect call}}
  o->use(p);
  free(p);
}
