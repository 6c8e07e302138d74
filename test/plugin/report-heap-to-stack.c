// RUN: %escape -O2 -c -o /dev/null -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// A site moved to the stack is a Passed/HeapToStack document.
#include "alloc.h"

int local(void) {
  char *p = malloc(8);
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
// CHECK:      --- !Passed
// CHECK-NEXT: Pass: escape
// CHECK-NEXT: Name: HeapToStack
// CHECK-NEXT: DebugLoc: {File: {{.*}}report-heap-to-stack.c, Line: 6, Column: 13}
// CHECK-NEXT: Function: local
// CHECK-NEXT: Args:
// CHECK-NEXT: - Callee: malloc
// CHECK-NEXT: - String: ' of size '
// CHECK-NEXT: - Size: '8'
// CHECK-NEXT: - String: ', storage '
// CHECK-NEXT: - Storage: stack
// CHECK-NEXT: - String: ': '
// CHECK-NEXT: - Reason: does not escape
