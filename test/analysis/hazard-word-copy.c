// RUN: %escape -fsyntax-only -Xclang -verify=expected,loose -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -O2 -Xclang -verify=expected,strict -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -O2 -fno-strict-aliasing -Xclang -verify=expected,loose -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer copied a word at a time through integer or floating lvalues
// over its memory is followed: the block escapes where the copy goes.
// Always for a cast at the read and for a may_alias type; under
// -fno-strict-aliasing and at -O0 (loose), where clang reads memory as
// written, also for a helper reading through its parameters what its
// caller cast (`copy_words((unsigned *)&g, (unsigned *)&p)`), which strict
// aliasing leaves undefined.  Numbers copied between arrays of numbers
// link nothing, and neither do a struct's number fields read through a
// pointer.
#include "alloc.h"

char *g;
struct two { long a, b; };
struct pair { char *p, *q; };
struct pair gp;

void pun(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: stored into '*(long *)(void *)&g'}}
  *(long *)(void *)&g = *(long *)(void *)&p;
}

typedef unsigned long __attribute__((may_alias)) word;
static void copy_word(void *d, const void *s) { // expected-remark {{leaking param content: 's' to '*d'}}
  word *dw = d;
  const word *sw = s;
  *dw = *sw;
}
void aliased(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap}}
  copy_word(&g, &p);
}

static void copy_words(unsigned *d, const unsigned *s) { // loose-remark {{leaking param content: 's' to '*d'}}
  d[0] = s[0];
  d[1] = s[1];
}
void words(void) {
  char *p = malloc(16); // loose-remark {{'p' escapes to heap}} strict-remark {{allocation does not escape}}
  copy_words((unsigned *)(void *)&g, (const unsigned *)(void *)&p);
}

static void copy_two(struct two *d, const struct two *s) { *d = *s; } // loose-remark {{leaking param content: 's' to '*d'}}
void whole(void) {
  struct pair loc = {malloc(16), 0}; // loose-remark {{escapes to heap}} strict-remark {{allocation does not escape}}
  copy_two((struct two *)(void *)&gp, (const struct two *)(void *)&loc);
}

static void copy_ints(int *d, const int *s, int n) { // expected-remark {{leaking param content: 's' to '*d'}}
  for (int i = 0; i < n; i++)
    d[i] = s[i];
}
struct rec {
  char *name;
  int len;
  int vals[4];
};
// BAD: `r->vals[i]` indexed by a local integer is taken for a table
// looked up by a byte, and the whole struct is read: r's pointers would
// follow into *out.
int ints(struct rec *r, struct rec *out) { // expected-remark {{leaking param content: 'r' to '*out'}}
  int *a = malloc(4 * sizeof(int)); // expected-remark {{allocation does not escape}}
  int *b = calloc(4, sizeof(int));  // expected-remark {{allocation does not escape}}
  copy_ints(a, b, 4);
  for (int i = 0; i < 4; i++)
    out->vals[i] = r->vals[i];
  out->len = r->len;
  int s = a[0] + b[3];
  free(a);
  free(b);
  return s;
}
