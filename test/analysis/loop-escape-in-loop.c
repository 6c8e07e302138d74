// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An allocation in a loop that escapes escapes, whatever the loop depth.
#include "alloc.h"

char *last;
void each(int n) {
  for (int i = 0; i < n; i++)
    last = malloc(8); // expected-remark {{'last' escapes to heap: assigned to global 'last'}}
}
