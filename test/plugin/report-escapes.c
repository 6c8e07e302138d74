// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// An escaping site is a Missed/Escapes document with its reason and flow.
#include "alloc.h"

char *last;
void publish(void) {
  char *p = malloc(8);
  last = p;
}
// CHECK:      --- !Missed
// CHECK-NEXT: Pass: escape
// CHECK-NEXT: Name: Escapes
// CHECK-NEXT: DebugLoc: {File: {{.*}}report-escapes.c, Line: 7, Column: 13}
// CHECK-NEXT: Function: publish
// CHECK-NEXT: Args:
// CHECK-NEXT: - Callee: malloc
// CHECK-NEXT: - Size: '8'
// CHECK-NEXT: - Storage: heap
// CHECK-NEXT: - Reason: assigned to global 'last'
// CHECK-NEXT: - Name: p
// CHECK-NEXT: - Site: '0x{{[0-9a-f]+}}'
// CHECK-NEXT: - Flow: assigned to 'p'
// CHECK-NEXT:   DebugLoc: {File: {{.*}}report-escapes.c, Line: 7, Column: 9}
// CHECK-NEXT: - Flow: assigned to global 'last'
// CHECK-NEXT:   DebugLoc: {File: {{.*}}report-escapes.c, Line: 8, Column: 8}
// CHECK-NEXT: ...
