// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: FileCheck --check-prefix=KEPT %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A helper that returns, in a struct, blocks one allocation call made in
// a loop is not an allocation wrapper: a caller's copy of the call would
// make one block per call, and the three blocks shared one stack slot
// (the program printed "s2 s2 s2").  The same with a size known at run
// time (the small stack slot) and with an inner wrapper called in the
// loop.  A helper whose blocks come from calls outside loops still is.
// CHECK: s0 s1 s2
// CHECK-NEXT: d0 d1 d2
// CHECK-NEXT: x0 x1 x2
// CHECK-NEXT: a1 b1
// REMARK-DAG: wrapper-loop-sites.c:41:14: remark: 'r.p[i]' escapes to heap: returned from 'make'
// REMARK-DAG: wrapper-loop-sites.c:50:14: remark: 'r.p[i]' escapes to heap: returned from 'make_n'
// REMARK-DAG: wrapper-loop-sites.c:66:14: remark: 'r.p[i]' escapes to heap: returned from 'make_x'
// REMARK-DAG: wrapper-loop-sites.c:98:18: remark: allocation does not escape; moved to the frame arena
// KEPT-NOT: wrapper-loop-sites.c:{{83|88|93}}:{{.*}}moved
#include <stdio.h>
#include <stdlib.h>

struct three {
  char *p[3];
};
struct two {
  char *a, *b;
};

static struct three make(void) {
  struct three r;
  for (int i = 0; i < 3; i++) {
    r.p[i] = malloc(16);
    snprintf(r.p[i], 16, "s%d", i);
  }
  return r;
}

static struct three make_n(size_t n) {
  struct three r;
  for (int i = 0; i < 3; i++) {
    r.p[i] = malloc(n);
    snprintf(r.p[i], n, "d%d", i);
  }
  return r;
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

static struct three make_x(void) {
  struct three r;
  for (int i = 0; i < 3; i++) {
    r.p[i] = xmalloc(16);
    snprintf(r.p[i], 16, "x%d", i);
  }
  return r;
}

static struct two pair(int n) {
  struct two t;
  t.a = malloc(16);
  t.b = malloc(16);
  snprintf(t.a, 16, "a%d", n);
  snprintf(t.b, 16, "b%d", n);
  return t;
}

int main(int argc, char **argv) {
  (void)argv;
  struct three s = make();
  printf("%s %s %s\n", s.p[0], s.p[1], s.p[2]);
  free(s.p[0]);
  free(s.p[1]);
  free(s.p[2]);
  struct three d = make_n((size_t)argc * 16);
  printf("%s %s %s\n", d.p[0], d.p[1], d.p[2]);
  free(d.p[0]);
  free(d.p[1]);
  free(d.p[2]);
  struct three x = make_x();
  printf("%s %s %s\n", x.p[0], x.p[1], x.p[2]);
  free(x.p[0]);
  free(x.p[1]);
  free(x.p[2]);
  struct two t = pair(argc);
  printf("%s %s\n", t.a, t.b);
  free(t.a);
  free(t.b);
  return 0;
}
