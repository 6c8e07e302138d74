// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain 70368744177664 > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-small-stack=0 %s %libdir/libescape-rt.a -lpthread -o %t.arena
// RUN: %t.arena 70368744177664 > %t.arena.out
// RUN: diff %t.plain.out %t.arena.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.small
// RUN: %t.small 70368744177664 > %t.small.out
// RUN: diff %t.plain.out %t.small.out
// RUN: FileCheck %s < %t.small.out
// A frame entered lazily, after an early return, is entered right before
// its allocation, after `errno = 0`.  LLVM takes errno as known across
// malloc, and across the arena's allocator; the entry must be described
// the same way, or the escape build printed glibc's ENOMEM (12) where
// plain code printed 0.  Likewise where a dynamic size's small stack slot
// puts the allocation (and the entry) on a branch of its own.
// CHECK: failed with errno 0
#include "alloc.h"
long strtol(const char *s, char **end, int base);
extern int *__errno_location(void) __attribute__((const));
#define errno (*__errno_location())

__attribute__((noinline)) static int try_late(size_t n, int c) {
  if (c < 0)
    return 0;
  errno = 0;
  unsigned char *p = malloc(n);
  if (!p) {
    printf("failed with errno %d\n", errno);
    return -1;
  }
  p[0] = 1;
  p[n - 1] = 2;
  int r = p[0] + p[n - 1] + c;
  free(p);
  return r;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)strtol(argv[1], 0, 10) : 16;
  printf("%d\n", try_late(n, argc));
  return 0;
}
