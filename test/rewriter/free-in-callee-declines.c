// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// When a free that may release a callee-freed site cannot be found in the
// IR, every callee-freed site stays on the heap: a free() the pass could not
// redirect would be handed arena memory.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@release(
// CHECK: call void @free(
void release(char *p) {
  // The position is off by a column on purpose.
  // ESCAPE-FREE: release free @+1:4 sites= param
  free(p);
}

// CHECK-LABEL: define {{.*}}@owner(
// CHECK: call {{.*}}@malloc(i64 noundef 24)
// CHECK-NOT: esc_frame
// TRACE: warning: owner: 'malloc' at {{.*}}: left on the heap: a free that may release it, at {{.*}}, cannot be rewritten
int owner(void) {
  // ESCAPE-SITE: owner malloc @+1:13 arena size=24 calleefreed
  char *p = malloc(24);
  p[0] = 7;
  int r = p[0];
  release(p);
  return r;
}
