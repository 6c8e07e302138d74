// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// __builtin_realloc and __builtin_free are realloc and free: the blocks
// they take move as with the plain names.  A free site named
// __builtin_realloc was taken for a second free of the call its realloc
// site claimed, and both blocks stayed on the heap ("named by two free
// sites").
// CHECK: grown 2 1
// CHECK-NEXT: freed 3
// REMARK-NOT: stays on the heap
// REMARK: builtin-realloc-free.c:31:13: remark: allocation does not escape; moved to the frame arena
// REMARK: builtin-realloc-free.c:33:7: remark: allocation does not escape; moved to the frame arena
// REMARK: builtin-realloc-free.c:38:13: remark: allocation does not escape; moved to the
// REMARK-NOT: stays on the heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t V = 20;

int main(void) {
  char *p = malloc(V);
  memset(p, 1, V);
  p = __builtin_realloc(p, 200);
  memset(p + V, 2, 200 - V);
  printf("grown %d %d\n", p[199], p[0]);
  free(p);

  char *q = malloc(V);
  memset(q, 3, V);
  printf("freed %d\n", q[V - 1]);
  __builtin_free(q);
  return 0;
}
