// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Bytes copied from one parameter into memory reachable from another stay
// in the caller's memory, through two levels of helpers.
#include "alloc.h"

struct out { char *p; unsigned long n; };
static void put(struct out *o, const char *s, unsigned long n) { // expected-remark {{leaking param content: 's' to '**o'}}
  memcpy(o->p + o->n, s, n);
  o->n += n;
}
// The store makes the caller's memory reachable from 'o' hold what 's'
// reaches; not knowing which of it was there before, the analysis takes it
// as stored into memory 's' reaches too.
static void put_str(struct out *o, const char *s) { put(o, s, strlen(s)); } // expected-remark {{leaking param content: 's' to '**o'}} expected-remark {{leaking param content: 's' to '**s'}}
int render(const char *name) { // expected-remark {{leaking param content: 'name' to '**name'}}
  struct out o = {malloc(64), 0}; // expected-remark {{allocation does not escape; would move to the stack}}
  char *tmp = strdup(name); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic; the frame arena is off (-fplugin-arg-escape-arena=1)}}
  put_str(&o, tmp);
  int c = o.p[0];
  free(tmp);
  free(o.p);
  return c;
}
