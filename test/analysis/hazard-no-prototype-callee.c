// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An unprototyped callee is unknown: its arguments escape.
#include "alloc.h"

void legacy();
void call(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'legacy'}}
  legacy(p); // expected-warning {{without a prototype is deprecated}}
  free(p);
}
