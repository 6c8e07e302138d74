// REQUIRES: escape-cc
// RUN: %clang -std=c11 -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -std=c11 -O2 %s -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// A program may define functions of the names memalign, valloc, pvalloc,
// cfree, reallocarray, posix_memalign and malloc_usable_size, which the
// C standard does not reserve, with meanings of its own.  Linked by
// escape-cc, a block that stays on the heap pulled the runtime's malloc in,
// whose file defined those names too: "multiple definition of `memalign'".
// The runtime's definitions of them are weak; the program's are used.
// CHECK: 16 42 x 7 3
#include <stdio.h>
#include <stdlib.h>

long memalign(long n, long a) { return (n + a - 1) / a * a; }
int valloc(int v) { return v * 2; }
int pvalloc(int v) { return v + 1; }
int cfree(int v) { return v - 1; }
int malloc_usable_size(int v) { return v * 3; }

char *g;

int main(void) {
  g = malloc(10); // stored in a global: stays on the heap
  g[0] = 'x';
  printf("%ld %d %c %d %d\n", memalign(13, 8), valloc(21), g[0],
         pvalloc(cfree(7)), malloc_usable_size(1));
  free(g);
  return 0;
}
