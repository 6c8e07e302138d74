// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// The flow chain is in the report even without -m=2.
#include "alloc.h"

char *last;
static void keep(char *q) { last = q; }
void use(void) {
  char *p = malloc(8);
  keep(p);
}
// CHECK: - Reason: passed to 'keep', whose parameter 'q' leaks
// CHECK: - Flow: assigned to 'p'
// CHECK: - Flow: passed to 'keep', whose parameter 'q' leaks
// CHECK-NEXT: DebugLoc: {File: {{.*}}, Line: 9, Column: 3}
