// RUN: %escape -O2 -S -emit-llvm -o - -fplugin-arg-escape-arena=1 -I %inputs %s | FileCheck %s
// The frame is entered where the arena is first needed: an early return
// that allocates nothing neither enters nor leaves it.  A function whose
// arena allocation is in a loop enters at its entry.
#include "alloc.h"

struct node { struct node *l, *r; long key; };

// CHECK-LABEL: define {{.*}}@profile(
// CHECK-NEXT: icmp eq ptr
// CHECK-NEXT: br i1
// CHECK: call {{.*}}@esc_frame_enter()
// CHECK: call {{.*}}@esc_frame_alloc(
// CHECK: call void @esc_frame_leave(
long profile(const struct node *t, int depth) {
  if (!t)
    return 0;
  unsigned long n = (unsigned long)(depth % 4) + 2;
  long *scratch = malloc(n * sizeof *scratch);
  scratch[0] = profile(t->l, depth + 1);
  scratch[1] = profile(t->r, depth + 1);
  for (unsigned long k = 2; k < n; k++)
    scratch[k] = scratch[k - 1] * 3 + scratch[k - 2] + t->key;
  long r = scratch[n - 1];
  free(scratch);
  return r;
}

// CHECK-LABEL: define {{.*}}@looped(
// CHECK-NEXT: call {{.*}}@esc_frame_enter()
long looped(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    char *p = malloc((unsigned long)i + 1);
    p[0] = (char)i;
    s += (long)strlen(p);
    free(p);
  }
  return s;
}
