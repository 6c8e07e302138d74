// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Returning alloca memory is not an allocation site; storing a malloc into it is local.
#include "alloc.h"

int keep(void) {
  char **slot = __builtin_alloca(sizeof(char *));
  *slot = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function uses variable-length arrays or 'alloca'}}
  int r = (*slot)[0];
  free(*slot);
  return r;
}
