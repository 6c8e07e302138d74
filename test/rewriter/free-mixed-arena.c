// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.ll | FileCheck %s
// In a function with arena sites, a free() of stack-or-arena storage skips
// the stack storage and hands the rest to esc_frame_free.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@both(
// CHECK: %[[SLOT:.*]] = alloca [16 x i8], align 16
// CHECK: call i64 @esc_frame_enter()
// CHECK: call ptr @esc_frame_alloc(
// CHECK: icmp eq ptr %[[P:.*]], %[[SLOT]]
// CHECK: %escape.heap = select i1 %{{.*}}, ptr null, ptr %[[P]]
// CHECK: call void @esc_frame_free(ptr %escape.heap)
// CHECK-NOT: call void @free
// CHECK: call void @esc_frame_leave(
int both(int c, int n) {
  char *p;
  if (c)
    // ESCAPE-SITE: both malloc @+1:9 stack size=16
    p = malloc(16);
  else
    // ESCAPE-SITE: both malloc @+1:9 arena
    p = malloc(n);
  p[0] = 1;
  int r = p[0];
  // ESCAPE-FREE: both free @+1:3 sites=0,1
  free(p);
  return r;
}
