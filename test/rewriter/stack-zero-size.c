// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.ll | FileCheck %s
// malloc(0) that does not escape still gets distinct storage: one byte.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@empty(
// CHECK: alloca [1 x i8], align 16
// CHECK-NOT: call{{.*}}@malloc
int empty(void) {
  // ESCAPE-SITE: empty malloc @+1:13 stack size=0
  void *p = malloc(0);
  return p != 0;
}
