// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape -O1 -fsanitize=address -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt-core.a -lpthread -o %t.asan
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// Differential through the plugin: the same output with and without the
// transformation, at -O0 and -O2 and ASan-clean, for scratch buffers in
// loops, recursion and string copies.
#include "alloc.h"

static int sum_scratch(int rounds) {
  int total = 0;
  for (int r = 0; r < rounds; r++) {
    int *tmp = malloc(32 * sizeof(int));
    for (int i = 0; i < 32; i++) tmp[i] = r + i;
    for (int i = 0; i < 32; i++) total += tmp[i] & 7;
    free(tmp);
  }
  return total;
}

static int recurse(int n) {
  char *buf = malloc(n + 1);
  memset(buf, 'a' + n % 26, n + 1);
  int r = n ? recurse(n - 1) + buf[n] : buf[0];
  free(buf);
  return r;
}

static unsigned copies(const char *s) {
  unsigned h = 5381;
  for (int k = 0; k < 50; k++) {
    char *c = strdup(s);
    c[k % 10] = 'x';
    for (char *q = c; *q; ++q) h = h * 33 + (unsigned char)*q;
    free(c);
  }
  return h;
}

static long zeros(int n) {
  long *z = calloc(n, sizeof(long));
  long s = 0;
  for (int i = 0; i < n; i++) s += z[i] + i;
  free(z);
  return s;
}

int main(void) {
  printf("%d\n", sum_scratch(1000));
  printf("%d\n", recurse(300));
  printf("%u\n", copies("differential"));
  printf("%ld\n", zeros(1000));
  return 0;
}
