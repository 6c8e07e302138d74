// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store two levels below a parameter stays in the caller's memory.
#include "alloc.h"

struct node { char *name; };
static void set(struct node **pn, char *v) { (*pn)->name = v; } // expected-remark {{leaking param: 'v' to '**pn'}}
void use(void) {
  struct node x;
  struct node *n = &x;
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  set(&n, p);
  free(p);
}

struct node *keep;
void publish(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{'n' escapes to heap: assigned to global 'keep'}}
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  set(&n, p);
  keep = n;
}
