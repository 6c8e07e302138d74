// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// A promoted site released by a free() in another function stays on the
// heap: that function cannot see the stack storage.
#include "alloc.h"

void release(char *p) {
  // ESCAPE-FREE: release free @+1:3 sites=0 cross
  free(p);
}
// CHECK-LABEL: define {{.*}}@owner(
// CHECK: call {{.*}}@malloc(i64 noundef 24)
// TRACE: warning: owner: 'malloc' at {{.*}}: left on the heap: its free at {{.*}} is in another function
int owner(void) {
  // ESCAPE-SITE: owner malloc @+1:13 stack size=24
  char *p = malloc(24);
  release(p);
  return 0;
}
