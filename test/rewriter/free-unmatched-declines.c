// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// When a free() that may release a promoted site cannot be found in the IR,
// the site stays on the heap: free() of stack storage would crash.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@lost(
// CHECK-NOT: alloca [8 x i8]
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// CHECK: call void @free(
// TRACE: escape: warning: lost: 'malloc' at free-unmatched-declines.c:[[#@LINE+4]]:13: left on the heap: its free at free-unmatched-declines.c:99:3 cannot be rewritten: no call to 'free' at this location in the IR
// TRACE-NOT: -> stack
int lost(void) {
  // ESCAPE-SITE: lost malloc @+1:13 stack size=8
  char *p = malloc(8);
  p[0] = 2;
  int r = p[0];
  // ESCAPE-FREE: lost free free-unmatched-declines.c:99:3 sites=0
  free(p);
  return r;
}
