// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 %s -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %clang -O2 -funique-internal-linkage-names %s -o %t.plainu
// RUN: %t.plainu > %t.plainu.out
// RUN: %escape_cc -O2 -funique-internal-linkage-names %s -o %t.escu
// RUN: %t.escu > %t.escu.out
// RUN: diff %t.plainu.out %t.escu.out
// Recursive walks whose names in the IR are not their names in the source:
// an asm label, and -funique-internal-linkage-names on a static function.
// The inline guard knew recursive functions by their source names only,
// so the helper's promoted 512-byte buffer was inlined into every level,
// and a walk 100,000 deep overflowed an 8 MiB stack that plain code ran on.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long sink;
static void fmt(long n) {
  char *buf = malloc(512);
  if (!buf)
    abort();
  snprintf(buf, 512, "node %ld", n);
  sink += (long)strlen(buf);
  free(buf);
}

long walk(long n) __asm__("walk_impl");
long walk(long n) {
  if (n == 0)
    return sink;
  fmt(n);
  long r = walk(n - 1);
  return r / 2 + n;
}

static long walk_static(long n) {
  if (n == 0)
    return sink;
  fmt(n);
  long r = walk_static(n - 1);
  return r / 3 + n;
}

int main(void) {
  printf("%ld\n", walk(100000));
  printf("%ld\n", walk_static(100000));
  return 0;
}
