// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// An alignment above a page cannot be laid out on the stack.
#include "alloc.h"

void f(void) {
  char *p = aligned_alloc(8192, 8192); // expected-remark {{allocation does not escape; would move to the frame arena}}
  free(p);
}
