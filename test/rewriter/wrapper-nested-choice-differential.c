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
// An allocation wrapper that returns one of two wrappers' blocks, one of
// them nested in the other (`w ? xm(n) : ym(n)` where ym calls xm).  Taking
// the wrapper in, the rewrite inlined xm's call out of pick's body, then
// looked through pick's calls again for ym's and read the erased call:
// the compiler crashed, at every level.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xm(size_t n) { return malloc(n); }
static void *ym(size_t n) { return xm(n); }
static void *pick(size_t n, int w) { return w ? xm(n) : ym(n); }

static char *xstrdup(const char *s) { return strdup(s); }
static char *xstrdup2(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xm(n), s, n);
}
static char *either(const char *a, const char *b, int w) { return w ? xstrdup(a) : xstrdup2(b); }
static char *first(const char *a, const char *b, int w) {
  if (w)
    return xstrdup(a);
  char *r = xstrdup2(b);
  return r;
}

__attribute__((noinline)) static int use(int w) {
  char *p = pick(16, w); // REMARK: [[#@LINE]]:13: remark: allocation does not escape; moved to the frame arena
  memset(p, 'p', 16);
  char *q = either("alpha", "beta", w); // REMARK: [[#@LINE]]:13: remark: allocation does not escape; moved to the frame arena
  char *r = first("gamma", "delta", w); // REMARK: [[#@LINE]]:13: remark: allocation does not escape; moved to the frame arena
  int h = p[15] + (int)strlen(q) * 3 + (int)strlen(r) * 7 + q[0] + r[0];
  free(r);
  free(q);
  free(p);
  return h;
}

int main(void) {
  printf("%d %d\n", use(0), use(1));
  return 0;
}
