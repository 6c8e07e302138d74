// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-trace=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.trace
// RUN: FileCheck %s < %t.trace
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape -O1 -fsanitize=address -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt-core.a -lpthread -o %t.asan
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// posix_memalign blocks that do not escape come from the frame arena
// (esc_frame_posix_memalign): aligned as asked, freed through the arena,
// and bad alignments still answer EINVAL without touching the pointer.
#include "alloc.h"
typedef __UINTPTR_TYPE__ uintptr_t;

// CHECK: escape: checksum: 'posix_memalign' at {{.*}}posix-memalign-arena.c:[[#@LINE+6]]:{{[0-9]+}} -> arena
static long checksum(int round) {
  void *p = (void *)1;
  long sum = 0;
  for (int i = 0; i < 1000; i++) {
    unsigned char *b;
    if (posix_memalign((void **)&b, 64, 200 + (size_t)i % 50) != 0)
      return -1;
    if (((uintptr_t)b & 63) != 0)
      return -2;
    for (int k = 0; k < 200; k++) b[k] = (unsigned char)(k + i + round);
    for (int k = 0; k < 200; k += 17) sum += b[k];
    free(b);
  }
  int bad = posix_memalign(&p, 24, 64); // not a power of two
  return bad == 22 && p == (void *)1 ? sum : -3;
}

int main(void) {
  for (int r = 0; r < 3; r++)
    printf("round %d: %ld\n", r, checksum(r));
  return 0;
}
