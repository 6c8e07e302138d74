// RUN: %escape -Os -c -o /dev/null -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// At -Os the plugin behaves as at -O2.
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
