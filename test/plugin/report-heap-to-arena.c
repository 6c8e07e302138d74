// RUN: %escape -O2 -c -o /dev/null -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// A dynamic-size site moved to the frame arena is a Passed/HeapToArena document.
#include "alloc.h"

int local(size_t n) {
  char *p = malloc(n);
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
// CHECK:      --- !Passed
// CHECK-NEXT: Pass: escape
// CHECK-NEXT: Name: HeapToArena
// CHECK:      - Callee: malloc
// CHECK-NEXT: - String: ' of size '
// CHECK-NEXT: - Size: 'dynamic'
// CHECK-NEXT: - String: ', storage '
// CHECK-NEXT: - Storage: arena
// CHECK-NEXT: - String: ': '
// CHECK-NEXT: - Reason: does not escape; size is dynamic
