// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: FileCheck %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// Calls to allocation wrappers (xmalloc, xstrdup, a constructor) whose
// blocks do not escape the caller: the rewriter inlines the call and moves
// the wrapper's allocation to the caller's frame arena.  The program prints
// the same, with released arena memory poisoned.
#include "alloc.h"
void exit(int status);
void *memcpy(void *d, const void *s, size_t n);
int snprintf(char *buf, size_t n, const char *fmt, ...);

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    exit(1);
  return p;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = xmalloc(n);
  memcpy(p, s, n);
  return p;
}

// A wrapper with a temporary of its own: the copy a caller takes in moves
// the temporary too, and its free() becomes esc_frame_free.
// CHECK-DAG: wrapper-inline.c:[[@LINE+4]]:{{.*}}moved to the frame arena
// CHECK-DAG: wrapper-inline.c:[[@LINE+6]]:{{.*}}escapes to heap: returned from 'upper'
static char *upper(const char *s) {
  size_t n = strlen(s) + 1;
  char *scratch = malloc(n);
  memcpy(scratch, s, n);
  for (size_t i = 0; scratch[i]; i++) scratch[i] = (char)(scratch[i] & ~32);
  char *p = xmalloc(n);
  memcpy(p, scratch, n);
  free(scratch);
  return p;
}

typedef struct { int *v; int n; } vec_t;
static vec_t *vec_new(int n) {
  vec_t *x = xmalloc(sizeof *x);
  x->v = calloc((size_t)n, sizeof(int));
  x->n = n;
  return x;
}
static void vec_free(vec_t *x) {
  free(x->v);
  free(x);
}

static char *keep;

// Two blocks, each three wrappers deep through a different call of the
// same nested wrapper: the pass inlines both chains apart.
static void *xm1(size_t n) { return xmalloc(n); }
static void *xm2(size_t n) { return xm1(n); }
static char *either(int k, size_t n) { return k ? xm2(n) : xm2(n + 1); }

// CHECK-DAG: wrapper-inline.c:[[@LINE+2]]:{{.*}}moved to the frame arena
int deep(int k) {
  char *p = either(k, 24);
  memcpy(p, "deep", 5);
  int r = (int)strlen(p) + k;
  free(p);
  return r;
}

// CHECK-DAG: wrapper-inline.c:[[@LINE+3]]:{{.*}}moved to the frame arena
// CHECK-DAG: wrapper-inline.c:[[@LINE+3]]:{{.*}}moved to the frame arena
int work(const char *s, int i) {
  char *c = xstrdup(s);
  int *t = xmalloc((size_t)(64 + (i & 1)) * sizeof(int));
  for (int k = 0; k < 64; k++)
    t[k] = c[k % 3] + i;
  int r = t[5];
  // CHECK-DAG: wrapper-inline.c:[[@LINE+1]]:{{.*}}moved to the frame arena
  vec_t *v = vec_new(10);
  v->v[3] = r;
  r += v->v[3];
  vec_free(v);
  free(t);
  free(c);
  return r;
}

// CHECK-DAG: wrapper-inline.c:[[@LINE+3]]:{{.*}}escapes to heap: assigned to global 'keep'
int loop(int n) {
  int sum = 0;
  keep = xstrdup("kept");
  for (int i = 0; i < n; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "item-%d", i);
    // CHECK-DAG: wrapper-inline.c:[[@LINE+1]]:{{.*}}moved to the frame arena
    char *c = xstrdup(buf);
    sum += (int)strlen(c) + c[5];
    free(c);
  }
  return sum;
}

int main(void) {
  int s = 0;
  for (int i = 0; i < 1000; i++)
    s += work("abc", i);
  s += deep(0) + deep(1);
  // CHECK-DAG: wrapper-inline.c:[[@LINE+1]]:{{.*}}moved to the frame arena
  char *u = upper("shout");
  printf("%d %d %s %s\n", s, loop(100000), keep, u);
  free(u);
  free(keep);
  return 0;
}
