// RUN: echo stale > %t.yaml
// An existing report is replaced, not appended to.
#include "alloc.h"

// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=%t.yaml -I %inputs %s
// RUN: FileCheck %s < %t.yaml
void local(void) { char *p = malloc(8); free(p); }
// CHECK-NOT: stale
// CHECK: Function: local
