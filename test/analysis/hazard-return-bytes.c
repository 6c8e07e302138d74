// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A number returned may be made a pointer again by the caller: a block
// whose address its bytes may hold escapes with it (a pun of the pointer
// read as a long, arithmetic on it).  The bytes of what the block holds
// (a hash of its characters) are not its address.
#include "alloc.h"

long pun(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: returned as an integer from 'pun'}}
  long x = *(long *)&p;
  return x;
}

long pun_plus(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: returned as an integer from 'pun_plus'}}
  long x = *(long *)&p;
  return x + 1;
}

unsigned long hash(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 'a';
  p[1] = 0;
  unsigned long h = 5381;
  for (const char *c = p; *c; c++)
    h = h * 33 + (unsigned char)*c;
  free(p);
  return h;
}
