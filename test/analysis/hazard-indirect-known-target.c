// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function pointer is an indirect call unless the file shows every
// function it may hold: one set only by its declaration to a harmless
// function lets nothing escape (indirect-call-table.c has the tables),
// one assigned again, or handed in by the caller, may hold anything.
#include "alloc.h"

static void nothing(void *p) { (void)p; }
void call(void (*given)(void *), int c) {
  void (*fn)(void *) = nothing;
  void (*moved)(void *) = nothing;
  if (c)
    moved = given;
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function may recurse through an indirect call or another file; the frame arena is off}}
  char *q = malloc(16); // expected-remark {{'q' escapes to heap: passed to an indirect call}}
  char *r = malloc(16); // expected-remark {{'r' escapes to heap: passed to an indirect call}}
  fn(p);
  moved(q);
  given(r);
  free(p);
  free(q);
  free(r);
}
