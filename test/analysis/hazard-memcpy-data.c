// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// memcpy of the allocation's data (not its address) keeps it local.
#include "alloc.h"

char out[16];
void copy(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  memset(p, 'x', 16);
  memcpy(out, p, 16);
  free(p);
}
