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
// CHECK-NEXT: - String: ' of size '
// CHECK-NEXT: - Size: '8'
// CHECK-NEXT: - String: ', storage '
// CHECK-NEXT: - Storage: heap
// CHECK-NEXT: - String: ': '
// CHECK-NEXT: - Reason: assigned to global 'last'
// CHECK-NEXT: - String: '; name: '
// CHECK-NEXT: - Name: p
// CHECK-NEXT: - String: '; site '
// CHECK-NEXT: - Site: '0x{{[0-9a-f]+}}'
// CHECK-NEXT: - String: '; flow: '
// CHECK-NEXT: - Flow: assigned to 'p'
// CHECK-NEXT:   DebugLoc: {File: {{.*}}report-escapes.c, Line: 7, Column: 9}
// CHECK-NEXT: - String: ', '
// CHECK-NEXT: - Flow: assigned to global 'last'
// CHECK-NEXT:   DebugLoc: {File: {{.*}}report-escapes.c, Line: 8, Column: 8}
// CHECK-NEXT: ...
