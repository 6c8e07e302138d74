// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// A free() that may release either stack storage or heap memory skips the
// pointer when it is the stack storage and calls free() otherwise.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@pick(
// CHECK: %[[SLOT:.*]] = alloca [32 x i8], align 16
// CHECK: %[[EQ:.*]] = icmp eq ptr %[[P:.*]], %[[SLOT]]
// CHECK: %[[OR:.*]] = or i1 false, %[[EQ]]
// CHECK: %escape.heap = select i1 %[[OR]], ptr null, ptr %[[P]]
// CHECK: call void @free(ptr %escape.heap)
// CHECK-NOT: @esc_frame
// TRACE: escape: pick: 'malloc' at free-guarded-stack.c:[[#@LINE+4]]:17 -> stack (32 bytes)
// TRACE: escape: pick: 'free' at free-guarded-stack.c:[[#@LINE+7]]:3 -> free unless stack
int pick(int c, char *heap) {
  // ESCAPE-SITE: pick malloc @+1:17 stack size=32
  char *p = c ? malloc(32) : heap;
  p[0] = 'x';
  int r = p[0];
  // ESCAPE-FREE: pick free @+1:3 sites=0 other
  free(p);
  return r;
}
