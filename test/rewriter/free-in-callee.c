// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// An arena site that a callee frees: the callee's free() of its parameter
// goes to esc_frame_free, which takes arena and heap pointers alike, so the
// helper still serves heap callers (keeper's block stays a malloc).
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@release(
// CHECK: call void @esc_frame_free(
// CHECK-NOT: call void @free(
void release(char *p) {
  // ESCAPE-FREE: release free @+1:3 sites= param
  free(p);
}

// CHECK-LABEL: define {{.*}}@owner(
// CHECK: call {{.*}}@esc_frame_enter_alloc(i64 24)
// CHECK: call void @release(
// CHECK: call void @esc_frame_leave(
// TRACE: escape: owner: 'malloc' at {{.*}} -> arena
// TRACE: escape: release: 'free' at {{.*}} -> esc_frame_free
int owner(void) {
  // ESCAPE-SITE: owner malloc @+1:13 arena size=24 calleefreed
  char *p = malloc(24);
  p[0] = 7;
  int r = p[0];
  release(p);
  return r;
}

// A heap caller of the same helper is untouched.
// CHECK-LABEL: define {{.*}}@keeper(
// CHECK: call {{.*}}@malloc(i64 noundef 8)
char *kept;
void keeper(void) {
  kept = malloc(8);
  release(kept);
}
