// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.ll | FileCheck %s
// A promoted calloc gets zeroed stack storage: a memset at the call point,
// which runs again each time the call would have run.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@third(
// CHECK: %escape.stack = alloca [40 x i8], align 16
// CHECK-NOT: call{{.*}}@calloc
// CHECK: call void @llvm.memset.p0.i64(ptr align 16 %escape.stack, i8 0, i64 40, i1 false)
int third(void) {
  // ESCAPE-SITE: third calloc @+1:12 stack size=40
  int *q = calloc(10, 4);
  return q[3];
}
