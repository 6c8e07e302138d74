// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store two levels below a parameter is summarised as a leak.
#include "alloc.h"

struct node { char *name; };
static void set(struct node **pn, char *v) { (*pn)->name = v; } // expected-remark {{leaking param: 'v'}}
void use(void) {
  struct node x;
  struct node *n = &x;
  // BAD: does not escape; v is stored into x, a local, but the summary only
  // tracks stores one level below a parameter and falls back to a leak.
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'set', whose parameter 'v' leaks}}
  set(&n, p);
  free(p);
}
