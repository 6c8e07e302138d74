// RUN: %c_to_ir -O0 %s -o %t.O0.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.O0.ll | FileCheck %s
// RUN: %c_to_ir -O2 %s -o %t.O2.ll
// RUN: %rewrite_ir -O2 -spec=%s %t.O2.ll | FileCheck %s
// A constant-size malloc that does not escape becomes an entry-block alloca
// of at least 16-byte alignment, and its free() disappears.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@sum(
// CHECK: %p.stack = alloca [64 x i8], align 16
// CHECK: call void @llvm.lifetime.start.p0(i64 64, ptr {{(nonnull )?}}%p.stack)
int sum(int n) {
  // ESCAPE-SITE: sum malloc @+1:13 stack size=64 name=p
  char *p = malloc(64);
  for (int i = 0; i < 64; i++)
    p[i] = (char)(i * n);
  int s = 0;
  for (int i = 0; i < 64; i++) s += p[i];
  // ESCAPE-FREE: sum free @+1:3 sites=0
  free(p);
  return s;
}
// CHECK-NOT: call{{.*}}@malloc
// CHECK-NOT: call{{.*}}@free
// CHECK: ret i32
