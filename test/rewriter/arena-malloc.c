// RUN: %c_to_ir -O0 %s -o %t.O0.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.O0.ll | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %c_to_ir -O2 %s -o %t.O2.ll
// RUN: %rewrite_ir -O2 -spec=%s %t.O2.ll | FileCheck %s --check-prefixes=CHECK,O2
// A dynamic-size malloc moves to the frame arena: the function enters a
// frame where the arena is first needed (after the early return), leaves it
// before every return reached after that, and its free() becomes
// esc_frame_free.  At -O2 the enter and the allocation after it, and the
// free and the leave after it, end as one call each.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@last(
// CHECK-NOT: esc_frame_enter
// CHECK: icmp {{slt|sle}} i32
// O0: %escape.mark = call i64 @esc_frame_enter()
// O0: call ptr @esc_frame_alloc(i64
// O0: call void @esc_frame_free(ptr
// O0: call void @esc_frame_leave(i64 %escape.mark.saved)
// O2: call { ptr, i64 } @esc_frame_enter_alloc(i64
// O2: call void @esc_frame_free_leave_pair(ptr
int last(int n) {
  if (n <= 0) return -1;
  // ESCAPE-SITE: last malloc @+1:13 arena name=p
  char *p = malloc(n);
  for (int i = 0; i < n; i++)
    p[i] = (char)i;
  int r = p[n - 1];
  // ESCAPE-FREE: last free @+2:18 sites=0
  // ESCAPE-FREE: last free @+2:3 sites=0
  if (r > 100) { free(p); return r; }
  free(p);
  return r;
}
// CHECK-NOT: call {{.*}}@malloc
// CHECK-NOT: call void @free
// O0: declare {{.*}}i64 @esc_frame_enter()
// O2: declare {{.*}} @esc_frame_enter_alloc(i64)
