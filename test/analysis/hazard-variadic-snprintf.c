// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// snprintf writes into and reads from its arguments without keeping them.
#include "alloc.h"

int format(int v) {
  char *buf = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  char *tmp = malloc(8);  // expected-remark {{allocation does not escape; would move to the stack}}
  tmp[0] = 0;
  int n = snprintf(buf, 32, "%d%s", v, tmp);
  free(tmp);
  free(buf);
  return n;
}
