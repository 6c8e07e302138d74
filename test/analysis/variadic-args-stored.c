// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// The variadic arguments are one summary entry: what a function stores
// between them and its named parameters, or returns of them, no summary
// field describes.  The caller takes it for unknown pointers stored there
// (or returned), so what it stores through them escapes.  Those flows were
// dropped: the caller's local pointer still pointed to its own block, and
// the block it stored through the pointer moved.
#include "alloc.h"

#include <stdarg.h>

struct N { int *val; };

static void set(struct N **q, ...) {
  va_list ap;
  va_start(ap, q);
  *q = va_arg(ap, struct N *);
  va_end(ap);
}

static void put(struct N *p, ...) { // expected-remark {{leaking param: 'p'}}
  va_list ap;
  va_start(ap, p);
  struct N **q = va_arg(ap, struct N **);
  *q = p;
  va_end(ap);
}

static struct N *first(int n, ...) {
  va_list ap;
  va_start(ap, n);
  struct N *r = va_arg(ap, struct N *);
  va_end(ap);
  return r;
}

static void link_args(int n, ...) {
  va_list ap;
  va_start(ap, n);
  struct N **q = va_arg(ap, struct N **);
  *q = va_arg(ap, struct N *);
  va_end(ap);
}

void into_named(struct N *o) { // expected-remark {{leaking param: 'o'}}
  struct N loc = {0}, *t = &loc;
  set(&t, o);
  t->val = malloc(sizeof *t->val); // expected-remark {{'t->val' escapes to heap}}
}

void named_into(struct N *o) { // expected-remark {{leaking param: 'o'}}
  struct N loc = {0}, *t = &loc;
  put(o, &t);
  t->val = malloc(sizeof *t->val); // expected-remark {{'t->val' escapes to heap}}
}

void returned(struct N *o) { // expected-remark {{leaking param: 'o'}}
  struct N *t = first(1, o);
  t->val = malloc(sizeof *t->val); // expected-remark {{'t->val' escapes to heap}}
}

void between(struct N *o) { // expected-remark {{leaking param: 'o'}}
  struct N loc = {0}, *t = &loc;
  link_args(2, &t, o);
  t->val = malloc(sizeof *t->val); // expected-remark {{'t->val' escapes to heap}}
}

int read_only(int n, ...);

int local(void) {
  struct N loc = {0}, *t = &loc;
  t->val = malloc(sizeof *t->val); // expected-remark {{allocation does not escape; would move to the stack}}
  *t->val = 3;
  int r = *t->val;
  free(t->val);
  return r;
}
