// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// A site whose location or callee matches no call leaves the IR unchanged.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@off(
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// CHECK: call {{.*}}@calloc(i64 noundef 1, i64 noundef 8)
// TRACE: warning: nowhere: 'malloc' at x.c:1:1: left on the heap: function 'nowhere' is not in the IR
// TRACE: warning: off: 'malloc' at decline-wrong-location.c:[[#@LINE+5]]:14: left on the heap: no call to 'malloc' at this location in the IR
// TRACE: warning: off: 'malloc' at decline-wrong-location.c:[[#@LINE+6]]:13: left on the heap: no call to 'malloc' at this location in the IR
// ESCAPE-SITE: nowhere malloc x.c:1:1 stack size=8
int off(void) {
  // ESCAPE-SITE: off malloc @+1:14 stack size=8
  char *p = malloc(8);
  // ESCAPE-SITE: off malloc @+1:13 stack size=8
  char *q = calloc(1, 8);
  p[0] = 1;
  q[0] = 1;
  return p[0] + q[0];
}
