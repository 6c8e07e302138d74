// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A callee defined below its caller is still summarised first.
#include "alloc.h"

static int first(const char *p);
int use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = first(p);
  free(p);
  return r;
}
static int first(const char *p) { return p[0]; }
