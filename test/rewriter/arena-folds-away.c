// RUN: %escape -O2 -S -emit-llvm -o - -fplugin-arg-escape-arena=1 -fplugin-arg-escape-small-stack=0 -I %inputs %s | FileCheck %s
// RUN: %escape -O2 -S -emit-llvm -o - -fplugin-arg-escape-arena=1 -I %inputs %s | FileCheck %s
// An arena allocation whose contents fold away is deleted as malloc would
// be, and its function loses the frame mark it no longer needs; one that
// is really used keeps both.  The same with the stack slot a dynamic size
// gets (small-stack, on by default): the slot is made after the optimizer
// is done, so it keeps nothing alive the optimizer would delete.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@folds(
// CHECK-NOT: esc_frame
// CHECK: ret
int folds(int n) {
  char *p = malloc((size_t)n + 1);
  if (!p)
    return -1;
  p[0] = 7;
  int r = p[0];
  free(p);
  return r;
}

// The same behind an early return, where the frame is entered lazily and
// the shared return leaves it only if it was entered.
// CHECK-LABEL: define {{.*}}@folds_late(
// CHECK-NOT: esc_frame
// CHECK: ret
int folds_late(int n) {
  if (n < 0)
    return 0;
  char *p = malloc((size_t)n + 1);
  p[0] = 7;
  int r = p[0] + n;
  free(p);
  return r;
}

// CHECK-LABEL: define {{.*}}@kept(
// CHECK: call {{.*}}@esc_frame_enter
// CHECK: {{^_alloc\(|@esc_frame_alloc\(}}
// CHECK: call void @esc_frame_{{(free_)?}}leave{{(_pair)?}}(
int kept(const char *s, int n) {
  char *p = malloc((size_t)n + 1);
  memcpy(p, s, (size_t)n);
  p[n] = 0;
  int r = puts(p);
  free(p);
  return r;
}
// An allocation in a loop is not next to its frame's entry: it stays an
// esc_frame_alloc call, declared with malloc's attributes.
// CHECK-LABEL: define {{.*}}@kept_loop(
// CHECK: call {{.*}}@esc_frame_enter()
// CHECK: call {{.*}}@esc_frame_alloc(
int kept_loop(const char *s, int n) {
  int r = 0;
  for (int i = 1; i < n; i++) {
    char *p = malloc((size_t)i + 1);
    memcpy(p, s, (size_t)i);
    p[i] = 0;
    r += puts(p);
    free(p);
  }
  return r;
}
// CHECK: declare {{.*}}@esc_frame_alloc(i64) {{.*}}#[[A:[0-9]+]]
// CHECK: attributes #[[A]] = {{.*}}allockind("alloc,uninitialized"){{.*}}allocsize(0){{.*}}"alloc-family"="esc_frame"
