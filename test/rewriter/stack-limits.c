// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -max-stack-object=4096 -max-stack-frame=6144 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// The stack limits are re-checked in the IR: an object above the object
// limit, or one that would take the function past its frame budget, stays
// on the heap even when the verdict says stack.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@big(
// CHECK-DAG: alloca [4096 x i8]
// CHECK-DAG: alloca [2048 x i8]
// CHECK-NOT: alloca [1000000 x i8]
// CHECK-NOT: alloca [100 x i8]
// CHECK: call {{.*}}@malloc(i64 noundef 1000000)
// CHECK: call {{.*}}@malloc(i64 noundef 100)
// TRACE: warning: big: 'malloc' at {{.*}}: left on the heap: 1000000 bytes exceed the stack object limit
// TRACE: warning: big: 'malloc' at {{.*}}: left on the heap: the function's promoted stack would exceed the frame budget
int big(void) {
  // ESCAPE-SITE: big malloc @+1:13 stack size=4096
  char *a = malloc(4096);
  // ESCAPE-SITE: big malloc @+1:13 stack size=1000000
  char *b = malloc(1000000);
  // ESCAPE-SITE: big malloc @+1:13 stack size=2048
  char *c = malloc(2048);
  // ESCAPE-SITE: big malloc @+1:13 stack size=100
  char *d = malloc(100);
  a[0] = b[0] = c[0] = d[0] = 1;
  return a[0] + b[0] + c[0] + d[0];
}
