// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// malloc(0) that does not escape still gets distinct storage: one byte,
// which the trace names.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@empty(
// CHECK: alloca [1 x i8], align 16
// CHECK-NOT: call{{.*}}@malloc
// TRACE: empty: 'malloc' at {{.*}} -> stack (1 byte)
int empty(void) {
  // ESCAPE-SITE: empty malloc @+1:13 stack size=0
  void *p = malloc(0);
  return p != 0;
}
