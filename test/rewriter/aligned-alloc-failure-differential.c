// REQUIRES: plugin, rt-core
// RUN: %clang -O1 -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O1 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc1
// RUN: %t.esc1 > %t.esc1.out
// RUN: diff %t.plain.out %t.esc1.out
// RUN: %escape -O2 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc2
// RUN: %t.esc2 > %t.esc2.out
// RUN: diff %t.plain.out %t.esc2.out
// RUN: FileCheck %s < %t.esc2.out
// An aligned_alloc of an impossible size fails in plain code, which tests
// for NULL.  Moved to the frame arena, its call was described to LLVM as
// an allocator it may delete when the block is only written and read back,
// and a deleted allocation is taken to have succeeded: the test for NULL
// went, and the function returned 1 and 2.
// CHECK: -1
// CHECK-NEXT: -1
#include "alloc.h"

static volatile size_t huge = (size_t)-1 / 2;

__attribute__((noinline)) static int try_alloc(int k) {
  char *p = aligned_alloc(64, huge + 64 * (size_t)k);
  if (!p)
    return -1;
  p[0] = (char)k;
  int r = p[0];
  free(p);
  return r;
}

int main(void) {
  printf("%d\n", try_alloc(1));
  printf("%d\n", try_alloc(2));
  return 0;
}
