// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -disable -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: count 0 < %t.err
// With the transformation off (report only), the IR keeps every call and
// the pass prints nothing.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@off(
// CHECK-NOT: alloca [
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// CHECK: call void @free(
// CHECK-NOT: esc_frame
int off(void) {
  // ESCAPE-SITE: off malloc @+1:13 stack size=8
  char *p = malloc(8);
  p[0] = 1;
  int r = p[0];
  // ESCAPE-FREE: off free @+1:3 sites=0
  free(p);
  return r;
}
