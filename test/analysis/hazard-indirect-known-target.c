// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function pointer to a harmless function is still an indirect call.
#include "alloc.h"

static void nothing(void *p) { (void)p; }
void call(void) {
  void (*fn)(void *) = nothing;
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to an indirect call}}
  fn(p);
  free(p);
}
