// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O3 %s -o %t.esc3
// RUN: %t.esc3 > %t.esc3.out 2>&1
// RUN: diff %t.plain.out %t.esc3.out
// RUN: %escape_cc -O1 -fsanitize=address -fplugin-arg-escape-transform=1 %s -o %t.asan
// RUN: %t.asan > %t.asan.out 2>&1
// RUN: diff %t.plain.out %t.asan.out
// RUN: FileCheck %s < %t.esc.out
// A free that may release a stack block or nothing (`free(k ? p : NULL)`)
// ended the slot's lifetime, and the block was read after it: the
// optimiser deleted the stores (0 where plain code prints 65), ASan saw a
// use after scope.  Only a free whose argument is always the block ends
// its lifetime there.
// CHECK: 65 -1
// REMARK: stack-free-maybe-nothing.c:[[#@LINE+6]]:13: remark: allocation does not escape; moved to the stack
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static volatile int idx = 5;
__attribute__((noinline)) static int f(int k) {
  char *p = malloc(32);
  memset(p, 'A', 32);
  char *q = k ? p : NULL;
  free(q); // releases p only when k != 0
  if (!k) {
    int r = p[idx];
    free(p);
    return r;
  }
  return -1;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%d %d\n", f(argc - 1), f(argc));
  return 0;
}
