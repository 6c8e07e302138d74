// REQUIRES: plugin, rt-core
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
//
// Blocks aligned by rounding their address as a number move; an aligned
// block the function returns stays on the heap.  The program prints what
// plain clang's build prints, with released arena memory poisoned.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static double dot(int n) {
  char *raw = malloc(2 * n * sizeof(double) + 63); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
  double *a = (double *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
  double *b = a + n;
  for (int i = 0; i < n; i++) {
    a[i] = i * 0.5;
    b[i] = n - i;
  }
  double s = 0;
  for (int i = 0; i < n; i++)
    s += a[i] * b[i];
  printf("%d %d\n", n, (int)((uintptr_t)a % 64));
  free(raw);
  return s;
}

static double *aligned_copy(const double *v, int n, void **base) {
  char *raw = malloc(n * sizeof(double) + 31); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'raw' escapes to heap
  *base = raw;
  double *a = (double *)(((uintptr_t)raw + 31) & ~(uintptr_t)31);
  for (int i = 0; i < n; i++)
    a[i] = v[i];
  return a;
}

int main(void) {
  double t = 0;
  for (int n = 1; n < 200; n += 7)
    t += dot(n);
  double v[5] = {1, 2, 3, 4, 5};
  void *base;
  double *c = aligned_copy(v, 5, &base);
  printf("total %.1f copy %.1f aligned %d\n", t, c[4], (int)((uintptr_t)c % 32));
  free(base);
  return 0;
}
// CHECK: 1 0
// CHECK: total {{[0-9.]+}} copy 5.0 aligned 0
