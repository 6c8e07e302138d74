// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Two allocation calls of one macro expansion share a line and column, as
// do calls a #line directive puts on one line; the IR names a call by its
// line and column only.  When clang compiles one of them alone (the other
// sits in a branch whose condition is a constant), the one compiled took
// the decision of the one that was not: a block stored in a global moved
// to the stack (mk printed "s1 s1") or to the frame arena (set printed what
// the arena's poison left).  Both sites stay on the heap now, and so do
// the blocks of frees that share a position.
// CHECK: s0 s1
// CHECK-NEXT: hello
// CHECK-NEXT: kept-1 kept-2
// CHECK-NEXT: 7 9
// REMARK-DAG: macro-dead-site-differential.c:[[@LINE+28]]:{{.*}}stays on the heap: another allocation call in 'mk' has the same line and column
// REMARK-DAG: macro-dead-site-differential.c:[[@LINE+28]]:{{.*}}stays on the heap: another allocation call in 'set' has the same line and column
// REMARK-DAG: macro-dead-site-differential.c:200:{{.*}}stays on the heap: another allocation call in 'f' has the same line and column
// REMARK-DAG: macro-dead-site-differential.c:86:{{.*}}stays on the heap: its free at {{.*}}macro-dead-site-differential.c:92:3 shares its position with another free
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG 0
#define NEW(dst)                                                               \
  do {                                                                         \
    if (DEBUG) {                                                               \
      char *t = malloc(32);                                                    \
      t[0] = 0;                                                                \
      free(t);                                                                 \
    }                                                                          \
    (dst) = malloc(32);                                                        \
  } while (0)
#define DUP(dst, s)                                                            \
  do {                                                                         \
    size_t n = strlen(s) + 1;                                                  \
    if (DEBUG) { char *c = malloc(n); memcpy(c, s, n); free(c); }              \
    (dst) = malloc(n);                                                         \
    memcpy((dst), (s), n);                                                     \
  } while (0)

static char *g[2], *d, *keep;

static void mk(int i) { NEW(g[i]); snprintf(g[i], 32, "s%d", i); }
static void set(const char *s) { DUP(d, s); }

static void f(int n) {
  if (DEBUG) {
#line 200
    char *a = malloc(32);
    a[0] = 1;
  }
#line 200
    char *b = malloc(32);
#line 80
  snprintf(b, 32, "kept-%d", n);
  keep = b;
}

#define SWAPFREE(p, q) do { if (DEBUG) free(p); free(q); } while (0)
static int g2(int k) {
  int *a = malloc(sizeof *a), *h = malloc(sizeof *h);
  *a = k;
  *h = k + 2;
  int r = *a + *h;
  static int *held;
  held = h;
  SWAPFREE(a, h); // only free(h) is compiled: a's free is not there
  (void)held;
  return r - k;
}

int main(void) {
  mk(0);
  mk(1);
  printf("%s %s\n", g[0], g[1]);
  set("hello");
  puts(d);
  f(1);
  char *k1 = keep;
  f(2);
  printf("%s %s\n", k1, keep);
  printf("%d %d\n", g2(5), g2(7));
  free(k1);
  free(keep);
  return 0;
}
