// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 %s -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// Recursions a million levels deep whose recursive call is a tail call in
// forms the optimizer reads as one (the result held in a local, an empty
// statement after the call): plain code runs them as loops, and so must
// the escape build, which keeps their blocks on the heap.  Promoted, each
// level kept a stack frame and an 8 MiB stack overflowed.
// CHECK: held 
// CHECK-NEXT: empty 
#include <stdio.h>
#include <stdlib.h>

static long sink;

static long held(long n, long acc) {
  char *a = malloc(32), *b = malloc(32);
  snprintf(a, 32, "%ld", n % 7);
  snprintf(b, 32, "%ld", n % 5);
  long v = a[0] + b[0];
  free(a);
  free(b);
  if (n <= 0)
    return acc;
  long r = held(n - 1, acc + v);
  return r;
}

static void empty(long n) {
  char *a = malloc(32), *b = malloc(32);
  snprintf(a, 32, "%ld", n % 3);
  snprintf(b, 32, "%ld", n % 11);
  sink += a[0] + b[0];
  free(a);
  free(b);
  if (n == 0)
    return;
  empty(n - 1);;
}

int main(void) {
  printf("held %ld\n", held(1000000, 0));
  empty(1000000);
  printf("empty %ld\n", sink);
  return 0;
}
