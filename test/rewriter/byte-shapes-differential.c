// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A pointer's bytes copied one at a time through every kind of number
// value (integers, floats, _Atomic, builtins and library functions that
// return a byte they were passed, a table indexed by the byte): each copy() below gets a block's address out of a box that is
// freed, and the block is printed after its function returned, called
// twice.  The block was moved to the frame arena (the second call
// overwrote the first string) for each of these shapes.
#include "alloc.h"
typedef __UINT64_TYPE__ uint64_t;

static volatile int flag = 1;
typedef void (*copy_fn)(unsigned char *d, const unsigned char *s);

static void put(unsigned char *d, int c) { *d = c; }
static int rd(const unsigned char *p) { return *p; }
static void (*volatile put_ptr)(unsigned char *, int) = put;
struct st { int cur; };
union un { int i; unsigned char c; };
struct bf { unsigned v : 8; };
struct ch { int c; };
static void put_ch(unsigned char *d, struct ch x) { *d = x.c; }

static void ternary(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { int c = s[i]; d[i] = flag ? c : 0; }
}
static void param(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) put(d + i, s[i]);
}
static void result(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) d[i] = rd(s + i);
}
static void indirect(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) put_ptr(d + i, s[i]);
}
static void field(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { struct st t; t.cur = s[i]; d[i] = t.cur; }
}
static void union_member(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { union un t; t.i = s[i]; d[i] = t.c; }
}
static void bitfield(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { struct bf t; t.v = s[i]; d[i] = t.v; }
}
static void by_value(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { struct ch x = {s[i]}; put_ch(d + i, x); }
}
static void through_address(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { int c = s[i]; int *pc = &c; d[i] = *pc; }
}
int abs(int);
static void as_float(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { float c = s[i]; d[i] = c; }
}
static void atomic_var(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { _Atomic int c = s[i]; d[i] = c; }
}
static void atomic_store(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) __atomic_store_n(&d[i], s[i], __ATOMIC_RELAXED);
}
static void library(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) { int c = -s[i]; d[i] = abs(c); }
}
static void builtins(unsigned char *d, const unsigned char *s) {
  for (int i = 0; i < 8; i++) {
    int c;
    __builtin_add_overflow(__builtin_rotateright32(__builtin_rotateleft32(s[i], 5), 5), 0, &c);
    d[i] = c;
  }
}
static void table(unsigned char *d, const unsigned char *s) {
  static unsigned char id[256];
  for (int k = 0; k < 256; k++) id[k] = k;
  for (int i = 0; i < 8; i++) d[i] = id[s[i]];
}
static void assembled(unsigned char *d, const unsigned char *s) {
  uint64_t x = 0;
  for (int i = 0; i < 8; i++) x |= (uint64_t)s[i] << (8 * i);
  char *p = (char *)x;
  memcpy(d, &p, sizeof p);
}

__attribute__((noinline)) static char *get(const char *t, copy_fn copy) {
  char **b = malloc(sizeof *b);
  *b = strdup(t);
  char *r;
  copy((unsigned char *)&r, (const unsigned char *)b);
  free(b);
  return r;
}

// Calls through a pointer would hide the helpers; name each.
#define TRY(fn)                                                                \
  do {                                                                         \
    char *a = get_##fn("first"), *c = get_##fn("second");                      \
    printf(#fn " %s %s\n", a, c);                                              \
  } while (0)
#define GETTER(fn)                                                             \
  __attribute__((noinline)) static char *get_##fn(const char *t) {             \
    char **b = malloc(sizeof *b);                                              \
    *b = strdup(t);                                                            \
    char *r;                                                                   \
    fn((unsigned char *)&r, (const unsigned char *)b);                         \
    free(b);                                                                   \
    return r;                                                                  \
  }
GETTER(ternary) GETTER(param) GETTER(result) GETTER(indirect) GETTER(field)
GETTER(union_member) GETTER(bitfield) GETTER(by_value) GETTER(through_address)
GETTER(assembled) GETTER(as_float) GETTER(atomic_var) GETTER(atomic_store)
GETTER(library) GETTER(builtins) GETTER(table)

int main(void) {
  TRY(ternary); TRY(param); TRY(result); TRY(indirect); TRY(field);
  TRY(union_member); TRY(bitfield); TRY(by_value); TRY(through_address);
  TRY(assembled); TRY(as_float); TRY(atomic_var); TRY(atomic_store); TRY(library);
  TRY(builtins); TRY(table);
  char *a = get("first", param), *c = get("second", param);
  printf("pointer %s %s\n", a, c);
  return 0;
}
// CHECK: ternary first second
// CHECK: param first second
// CHECK: result first second
// CHECK: indirect first second
// CHECK: field first second
// CHECK: union_member first second
// CHECK: bitfield first second
// CHECK: by_value first second
// CHECK: through_address first second
// CHECK: assembled first second
// CHECK: as_float first second
// CHECK: atomic_var first second
// CHECK: atomic_store first second
// CHECK: library first second
// CHECK: builtins first second
// CHECK: table first second
// CHECK: pointer first second
