// REQUIRES: plugin, runtime
// RUN: %clang -O2 -w -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain 1 > %t.plain.out
// RUN: %escape -O2 -w -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc 1 > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// aligned_alloc with an alignment that is not a power of two (24, 3, 0)
// gives a block under glibc 2.36, which rounds it up; moved to the frame
// arena, the call reached the runtime's aligned_alloc, which returned NULL
// with EINVAL, and a program using the block crashed.
// CHECK: 24: non-null
// CHECK: 3: non-null
// CHECK: 0: non-null
#include "alloc.h"
int printf(const char *fmt, ...);
void *memset(void *p, int c, size_t n);

__attribute__((noinline)) static void try_align(int shown, size_t align, size_t n) {
  char *p = aligned_alloc(align, n);
  static volatile unsigned long bits;
  bits = (unsigned long)p & 1;  // the block is used: no folding it away
  printf("%d: %s\n", shown, p ? "non-null" : "NULL");
  if (p) {
    memset(p, 1, n);
    free(p);
  }
}

int main(int argc, char **argv) {
  (void)argv;
  size_t k = (size_t)argc;  // 1: sizes the compiler cannot see
  try_align(24, 24 * k, 48 * k);
  try_align(3, 3 * k, 9 * k);
  try_align(0, 0 * k, 16 * k);
  return 0;
}
