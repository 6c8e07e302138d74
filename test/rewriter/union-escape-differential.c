// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A pointer in a union leaves its function only as the union's other
// members carry it: read as an integer, a double, a complex number, bytes
// or bit-fields and stored in a global, returned, passed to a function of
// another file, or copied whole.  Each such block stays on the heap (moved,
// each line printed what later calls wrote over it); a tagged value that
// only its function reads moves.
// CHECK: int s1
// CHECK-NEXT: int s2
// CHECK-NEXT: double s1
// CHECK-NEXT: complex s1
// CHECK-NEXT: chars s1
// CHECK-NEXT: bits s1
// CHECK-NEXT: returned s1
// CHECK-NEXT: returned-pun s1
// CHECK-NEXT: whole s1
// CHECK-NEXT: through-pointer s1
// CHECK-NEXT: array s1
// CHECK-NEXT: by-value s1
// CHECK-NEXT: stored-int s1
// CHECK-NEXT: tagged hello 3
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union word {
  char *p;
  uintptr_t bits;
  double d;
  _Complex float c;
  unsigned char b[8];
  struct {
    uint64_t lo : 32, hi : 32;
  } f;
};

static uintptr_t g_bits;
static double g_d;
static _Complex float g_c;
static unsigned char g_b[8];
static uint64_t g_lo, g_hi;
static union word g_w;

static char *fill(const char *what, int i) {
  char *p = malloc(16); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: returned from 'fill'
  snprintf(p, 16, "%s%d", what, i);
  return p;
}

static char *back(uintptr_t b) { return (char *)b; }

__attribute__((noinline)) static void by_int(int i) {
  union word w;
  w.p = fill("s", i); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'w.p' escapes to heap: assigned to global 'g_bits'
  g_bits = w.bits;
}

__attribute__((noinline)) static void by_double(void) {
  union word w;
  w.p = fill("s", 1);
  g_d = w.d;
}

__attribute__((noinline)) static void by_complex(void) {
  union word w;
  w.p = fill("s", 1); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'w.p' escapes to heap: assigned to global 'g_c'
  g_c = w.c;
}

__attribute__((noinline)) static void by_chars(void) {
  union word w;
  w.p = fill("s", 1);
  memcpy(g_b, w.b, 8);
}

__attribute__((noinline)) static void by_bits(void) {
  union word w;
  w.p = fill("s", 1);
  g_lo = w.f.lo;
  g_hi = w.f.hi;
}

__attribute__((noinline)) static uintptr_t returned(void) {
  union word w;
  w.p = fill("s", 1); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'w.p' escapes to heap: returned as an integer from 'returned'
  return w.bits;
}

__attribute__((noinline)) static long returned_pun(void) {
  char *p = fill("s", 1); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: returned as an integer from 'returned_pun'
  long x = *(long *)&p;
  return x;
}

__attribute__((noinline)) static void whole(void) {
  union word w;
  w.p = fill("s", 1);
  g_w = w;
}

__attribute__((noinline)) static void through_pointer(void) {
  union word w, *up = &w;
  up->p = fill("s", 1);
  g_bits = up->bits;
}

__attribute__((noinline)) static void array(void) {
  union word a[2];
  a[1].p = fill("s", 1);
  g_bits = a[1].bits;
}

__attribute__((noinline)) static void keep(union word w) { g_bits = w.bits; }

__attribute__((noinline)) static void by_value(void) {
  union word w;
  w.p = fill("s", 1); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'w.p' escapes to heap: passed to 'keep'
  keep(w);
}

__attribute__((noinline)) static void stored_int(void) {
  union word w;
  w.p = fill("s", 1);
  uintptr_t *slot = malloc(sizeof *slot); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'slot' escapes to heap
  *slot = w.bits;
  g_w.p = (char *)slot;
}

struct value {
  int kind;
  union {
    long i;
    char *s;
  } u;
};

static void show(const struct value *v) {
  if (v->kind == 0)
    printf("tagged %ld\n", v->u.i);
  else
    printf("tagged %s %zu\n", v->u.s, strlen(v->u.s) - 2);
}

__attribute__((noinline)) static void tagged(void) {
  struct value v;
  v.kind = 1;
  v.u.s = malloc(16); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the stack
  strcpy(v.u.s, "hello");
  show(&v);
  free(v.u.s);
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  for (int i = 1; i <= 2; i++) {
    by_int(i);
    scribble();
    printf("int %.15s\n", back(g_bits));
  }
  by_double();
  scribble();
  char *p;
  memcpy(&p, &g_d, sizeof p);
  printf("double %.15s\n", p);
  by_complex();
  scribble();
  memcpy(&p, &g_c, sizeof p);
  printf("complex %.15s\n", p);
  by_chars();
  scribble();
  memcpy(&p, g_b, sizeof p);
  printf("chars %.15s\n", p);
  by_bits();
  scribble();
  printf("bits %.15s\n", back((uintptr_t)(g_lo | g_hi << 32)));
  uintptr_t r = returned();
  scribble();
  printf("returned %.15s\n", back(r));
  long rp = returned_pun();
  scribble();
  printf("returned-pun %.15s\n", back((uintptr_t)rp));
  whole();
  scribble();
  printf("whole %.15s\n", g_w.p);
  through_pointer();
  scribble();
  printf("through-pointer %.15s\n", back(g_bits));
  array();
  scribble();
  printf("array %.15s\n", back(g_bits));
  by_value();
  scribble();
  printf("by-value %.15s\n", back(g_bits));
  stored_int();
  scribble();
  printf("stored-int %.15s\n", back(*(uintptr_t *)g_w.p));
  tagged();
  return 0;
}
