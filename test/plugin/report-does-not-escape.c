// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// Without code generation a non-escaping site is an Analysis/DoesNotEscape document.
#include "alloc.h"

void local(void) {
  char *p = malloc(8);
  free(p);
}
// CHECK:      --- !Analysis
// CHECK-NEXT: Pass: escape
// CHECK-NEXT: Name: DoesNotEscape
// CHECK-NEXT: DebugLoc: {File: {{.*}}report-does-not-escape.c, Line: 6, Column: 13}
// CHECK-NEXT: Function: local
// CHECK:      - Storage: stack
// CHECK-NEXT: - String: ': '
// CHECK-NEXT: - Reason: does not escape
