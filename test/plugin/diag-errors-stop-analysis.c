// RUN: not %escape -fsyntax-only -fplugin-arg-escape-m=1 -I %inputs %s 2>&1 | FileCheck %s
// A translation unit with errors is not analysed: only the error is reported.
#include "alloc.h"

char *last;
void use(void) {
  last = malloc(8);
  undeclared();
}
// CHECK: error: call to undeclared function 'undeclared'
// CHECK-NOT: remark:
