// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -Wno-initializer-overrides -Wno-gnu-folding-constant -Wno-unevaluated-expression -I %inputs %s
// Expressions C evaluates that sit in types and in initializer nodes: the
// sizes of a variable-length array type under sizeof, in a cast, a
// typedef, a pointer declaration, a parameter, typeof of such an
// expression; a run-time offsetof index; a GNU initializer that overrides
// part of a member.  Each lets a block escape; they were skipped, and the
// blocks moved to the stack.  A size C does not evaluate (sizeof of a
// plain expression, a prototype's parameter) lets nothing escape.
#include "alloc.h"

#include <stddef.h>

char *g;

size_t in_sizeof(int n) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: assigned to global 'g'}}
  return sizeof(char[(g = p, n)]);
}

void in_cast(struct { char *s; } *o, int n) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  (void)(char (*)[(o->s = p, n)])0;
}

void in_pointer_decl(char **o, int n) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  char (*q)[(*o = p, n)] = 0;
  (void)q;
}

void in_typedef(int n) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: assigned to global 'g'}}
  typedef char T[(g = p, n)];
  T *t = 0;
  (void)t;
}

static int keep(char *p, int n, char (*a)[(g = p, n)]) { // expected-remark {{leaking param: 'p'}}
  return a ? n : 0;
}

int in_parameter(int n) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: passed to 'keep', whose parameter 'p' leaks}}
  return keep(p, n, 0);
}

int in_typeof(int n) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: assigned to global 'g'}}
  char a[n];
  a[0] = 0;
  typeof(*(g = p, &a)) b;
  b[0] = 1;
  return b[0];
}

struct T2 { int a[8]; };

size_t in_offsetof(int i) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: assigned to global 'g'}}
  return __builtin_offsetof(struct T2, a[(g = p, i)]);
}

struct In { char *a[2]; int x; };
struct Out { struct In in; int k; } go;

void override_member(void) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  struct In base = {{0, 0}, 7};
  struct Out o = {.in = base, .in.a[1] = p};
  go = o;
}

void override_base(struct In base, struct Out *o) { // expected-remark {{leaking param: 'base' to '*o'}}
  base.a[0] = malloc(32); // expected-remark {{'base.a[0]' escapes to heap}}
  *o = (struct Out){.in = base, .in.x = 9};
}

size_t not_evaluated(int n) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  size_t s = sizeof(g = p);
  void proto(int m, char (*a)[(g = p, m)]);
  free(p);
  return s + (size_t)n;
}
