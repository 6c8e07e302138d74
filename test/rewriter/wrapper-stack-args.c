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
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm %s -o - | FileCheck --check-prefix=IR %s
// Wrappers sized by their caller's arguments (xmalloc(32), a calloc
// wrapper, a size computed from a parameter, twice(12) calling
// xmalloc(2 * n)): the calls are inlined and the
// block takes an entry-block stack slot of the size the arguments give,
// zeroed for calloc.  At -O0 the inlined allocator call reads the
// parameters back from memory; the slot's size comes from the analysis.
// A wrapper that changes its parameter, or a size the caller computes at
// run time, keeps the frame arena.
#include "alloc.h"
void abort(void);
void *memcpy(void *d, const void *s, size_t n);

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

static void *xcalloc(size_t n, size_t k) {
  void *p = calloc(n, k);
  if (!p)
    abort();
  return p;
}

static long *longs(size_t n) {
  size_t bytes = n * sizeof(long);
  return malloc(bytes);
}

static char *twice(size_t n) { return xmalloc(2 * n); }

static char *at_least(size_t n) {
  if (n < 40)
    n = 40;
  return malloc(n);
}

// IR-LABEL: define {{.*}}i64 @sizes(
// IR-NOT: call {{.*}}@malloc(
// IR-NOT: call {{.*}}@calloc(
// IR: call {{.*}}@esc_frame_{{(enter_)?}}alloc(
// IR-NOT: call {{.*}}@malloc(
// IR-NOT: call {{.*}}@calloc(
// IR-NOT: call {{.*}}@esc_frame_{{.*}}alloc(
// IR: ret i64
long sizes(int i) {
  const size_t five = 5;
  // CHECK-DAG: wrapper-stack-args.c:[[@LINE+1]]:{{.*}}moved to the stack
  char *a = xmalloc(32);
  // CHECK-DAG: wrapper-stack-args.c:[[@LINE+1]]:{{.*}}moved to the stack
  long *z = xcalloc(6, sizeof(long));
  // CHECK-DAG: wrapper-stack-args.c:[[@LINE+1]]:{{.*}}moved to the stack
  long *l = longs(five);
  // CHECK-DAG: wrapper-stack-args.c:[[@LINE+1]]:{{.*}}moved to the stack
  char *t = twice(12);
  // CHECK-DAG: wrapper-stack-args.c:[[@LINE+1]]:{{.*}}moved to the frame arena
  char *m = at_least(8);
  memcpy(a, "thirty-one bytes of text here..", 32);
  for (int k = 0; k < 5; k++)
    l[k] = (long)k * i;
  memcpy(m, "forty bytes are what at_least gives us.", 40);
  memcpy(t, "twenty-three bytes here", 24);
  long r = a[i % 31] + z[5] + l[4] + m[i % 39] + t[i % 23];
  free(t);
  z[5] = r;
  free(a);
  free(z);
  free(l);
  free(m);
  return r;
}

int main(void) {
  long s = 0;
  for (int i = 0; i < 100000; i++)
    s += sizes(i);
  printf("%ld\n", s);
  return 0;
}
