// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// A realloc() that may receive an arena object goes to
// esc_frame_realloc_heap, its result used as before; a realloc of a site the
// policy left on the stack is declined (the stack cannot be reallocated).
#include "alloc.h"

// TRACE: warning: onstack: 'malloc' at {{.*}}: left on the heap: passed to 'realloc' at {{.*}} but not placed in the frame arena
// TRACE: warning: handoff: 'realloc' at {{.*}}: left on the heap: its free at {{.*}} is in another function

// CHECK-LABEL: define {{.*}}@grow(
// CHECK: call {{.*}}@esc_frame_enter_alloc(i64 16)
// CHECK: call ptr @esc_frame_realloc_heap(ptr %{{.*}}, i64 64)
// CHECK-NOT: call {{.*}}@realloc(
// CHECK: call void @esc_frame_free_leave(
// TRACE: escape: grow: 'realloc' at {{.*}} -> esc_frame_realloc_heap
int grow(void) {
  // ESCAPE-SITE: grow malloc @+1:13 arena size=16
  char *p = malloc(16);
  p[0] = 3;
  // ESCAPE-FREE: grow realloc @+1:7 sites=0
  p = realloc(p, 64);
  p[63] = 4;
  int r = p[0] + p[63];
  // ESCAPE-FREE: grow free @+1:3 sites=0 other
  free(p);
  return r;
}

// CHECK-LABEL: define {{.*}}@onstack(
// CHECK: call {{.*}}@malloc(i64 noundef 16)
// CHECK: call {{.*}}@realloc(
int onstack(void) {
  // ESCAPE-SITE: onstack malloc @+1:13 stack size=16
  char *p = malloc(16);
  p[0] = 3;
  // ESCAPE-FREE: onstack realloc @+1:7 sites=1
  p = realloc(p, 64);
  int r = p[0];
  free(p);
  return r;
}

// A realloc that is itself a promoted site becomes esc_frame_realloc, which
// takes the arena input; its free site for the input is moot.
// CHECK-LABEL: define {{.*}}@builder(
// CHECK: call ptr @esc_frame_realloc(
// CHECK-NOT: esc_frame_realloc_heap
// CHECK-NOT: call {{.*}}@realloc(
// CHECK: call void @esc_frame_free_leave(
int builder(int n) {
  // ESCAPE-SITE: builder malloc @+1:13 arena size=16
  char *p = malloc(16);
  p[0] = 1;
  // ESCAPE-SITE: builder realloc @+2:7 arena kind=realloc
  // ESCAPE-FREE: builder realloc @+1:7 sites=2,3
  p = realloc(p, (unsigned)n + 16);
  int r = p[0];
  // ESCAPE-FREE: builder free @+1:3 sites=2,3
  free(p);
  return r;
}

// When the realloc site is declined (here: its result is freed in another
// function), its call still takes the arena input: esc_frame_realloc_heap.
// CHECK-LABEL: define {{.*}}@handoff(
// CHECK: call ptr @esc_frame_realloc_heap(
void drop(char *p) {
  // ESCAPE-FREE: drop free @+1:3 sites=5 cross
  free(p);
}
int handoff(int n) {
  // ESCAPE-SITE: handoff malloc @+1:13 arena size=16
  char *p = malloc(16);
  p[0] = 2;
  // ESCAPE-SITE: handoff realloc @+2:7 arena kind=realloc
  // ESCAPE-FREE: handoff realloc @+1:7 sites=4
  p = realloc(p, (unsigned)n + 16);
  int r = p[0];
  drop(p);
  return r;
}
