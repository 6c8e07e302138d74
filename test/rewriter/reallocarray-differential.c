// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=%t.yaml %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck %s --check-prefix=REPORT < %t.yaml
// RUN: %escape -O0 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape -O1 -fsanitize=address -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt-core.a -lpthread -o %t.asan
// RUN: env ASAN_OPTIONS=allocator_may_return_null=1 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %escape -O2 -S -emit-llvm -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s -o - | FileCheck %s --check-prefix=IR
// reallocarray is realloc with an overflow check: a block that reaches
// only reallocarray and free moves to the frame arena, the call going to
// esc_frame_realloc_array (esc_frame_realloc_heap when the result is kept) with
// count * size, or SIZE_MAX when that overflows, which fails with ENOMEM and
// leaves the block, as reallocarray does.
#include "alloc.h"
#include "libc-extra.h"

// The caller's block grows in a helper and comes back.
static int *append(int *v, size_t *n, int x) {
  v = reallocarray(v, *n + 1, sizeof *v);
  v[(*n)++] = x;
  return v;
}

__attribute__((noinline)) long sum_squares(int k) {
  size_t n = 0;
  int *v = malloc(sizeof *v);
  for (int i = 0; i < k; i++)
    v = append(v, &n, i * i);
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += v[i];
  free(v);
  return s;
}

// A block grown in its own frame; an overflowing count leaves it intact.
__attribute__((noinline)) int grow_local(unsigned long big) {
  int *v = calloc(4, sizeof *v);
  v[3] = 7;
  *__errno_location() = 0;
  int *w = reallocarray(v, big, 4 * sizeof *v);
  int failed = w == NULL && *__errno_location() == 12; // ENOMEM
  if (w)
    v = w;
  int *u = reallocarray(v, 64, sizeof *v);
  if (!u)
    return -1;
  u[63] = 5;
  int r = failed * 100 + u[3] + u[63];
  free(u);
  return r;
}

// A count of 0 frees the block and returns NULL, as realloc(p, 0).
__attribute__((noinline)) int shrink_to_nothing(int k) {
  char *p = malloc(16 + k);
  p[0] = 'x';
  char *q = reallocarray(p, 0, 8);
  return q == NULL;
}

int main(void) {
  for (int k = 1; k < 6; k++)
    printf("%ld %d %d\n", sum_squares(k * 10), grow_local(~0ul / 8), shrink_to_nothing(k));
  return 0;
}
// CHECK: 285 112 1
// CHECK: 2470 112 1
// REPORT: Name: HeapToArena
// REPORT: Function: sum_squares
// REPORT: Name: HeapToArena
// REPORT: Function: grow_local
// REPORT: Name: HeapToArena
// REPORT: Function: grow_local
// IR-LABEL: define {{.*}}@grow_local(
// IR: select i1 %{{.*}}, i64 -1,
// IR: call {{.*}}@esc_frame_realloc_array(
