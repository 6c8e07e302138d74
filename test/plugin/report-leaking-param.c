// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// Leaking parameters are Analysis/LeakingParam documents after the sites.
#include "alloc.h"

char *last;
char *both(char *a, char *b) {
  last = a;
  return b;
}
// CHECK:      --- !Analysis
// CHECK-NEXT: Pass: escape
// CHECK-NEXT: Name: LeakingParam
// CHECK-NEXT: DebugLoc: {File: {{.*}}report-leaking-param.c, Line: 6, Column: 18}
// CHECK-NEXT: Function: both
// CHECK-NEXT: Args:
// CHECK-NEXT: - String: 'parameter '
// CHECK-NEXT: - Param: a
// CHECK-NEXT: - String: ' leaks: '
// CHECK-NEXT: - Leak: heap
// CHECK:      Name: LeakingParam
// CHECK:      - Param: b
// CHECK-NEXT: - String: ' leaks: '
// CHECK-NEXT: - Leak: result
