// RUN: %escape -O0 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -O0 -g -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -O2 -g -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -Os -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -std=c99 -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -std=c11 -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -std=c17 -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -std=gnu17 -O2 -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -O2 -S -emit-llvm -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Sites are analysed and moved the same way at every optimization level,
// with and without -g, in every C dialect, and when emitting IR.
#include "alloc.h"

int sum(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; moved to the stack}}
  for (int i = 0; i < 16; i++)
    p[i] = (char)i;
  int s = p[3] + p[7];
  free(p);
  return s;
}
char *last;
void publish(void) {
  last = malloc(8); // expected-remark {{'last' escapes to heap: assigned to global 'last'}}
}
