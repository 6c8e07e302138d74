// RUN: %c_to_ir -O0 %s -o %t.O0.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.O0.ll -o %t.O0.esc.ll
// RUN: FileCheck %s --check-prefixes=CHECK,O0 < %t.O0.esc.ll
// RUN: %c_to_ir -O2 %s -o %t.O2.ll
// RUN: %rewrite_ir -O2 -spec=%s %t.O2.ll -o %t.O2.esc.ll
// RUN: FileCheck %s --check-prefixes=CHECK,O2 < %t.O2.esc.ll
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %clang -O0 %t.O0.esc.ll %arena_stub -nostdinc -I%S/Inputs -o %t.O0.esc
// RUN: %t.O0.esc > %t.O0.out
// RUN: diff %t.plain.out %t.O0.out
// RUN: %clang -O0 %t.O2.esc.ll %arena_stub -nostdinc -I%S/Inputs -o %t.O2.esc
// RUN: %t.O2.esc > %t.O2.out
// RUN: diff %t.plain.out %t.O2.out
// The frame is entered where the arena is first needed: paths that return
// before it (a recursion's base case) neither enter nor leave; a return
// such a path shares leaves only if the frame was entered; an allocation in
// a loop enters once, before the loop.  The strict arena stub aborts on an
// allocation outside a frame or a leave that does not match.
#include "alloc.h"

struct node { struct node *l, *r; long key; };

// CHECK-LABEL: define {{.*}}@profile(
// O0: %escape.mark.slot = alloca i64
// O0: store i64 0, ptr %escape.mark.slot
// CHECK-NOT: esc_frame_enter
// CHECK: icmp {{eq|ne}} ptr
// O0: %escape.mark = call i64 @esc_frame_enter()
// O0-NEXT: store i64 %escape.mark, ptr %escape.mark.slot
// O0: %escape.mark.saved = load i64, ptr %escape.mark.slot
// O0-NEXT: icmp ne i64 %escape.mark.saved, 0
// O0-NEXT: br i1
// O0: call void @esc_frame_leave(i64 %escape.mark.saved)
// At -O2 the mark's test folds away (a mark is never 0) and the calls fuse.
// O2: call { ptr, i64 } @esc_frame_enter_alloc(
// O2-NOT: icmp {{.*}} i64 {{.*}}, 0
// O2: call void @esc_frame_free_leave_pair(
// CHECK: ret i64
long profile(const struct node *t, int depth) {
  if (!t)
    return 0;
  unsigned long n = (unsigned long)(depth % 4) + 2;
  // ESCAPE-SITE: profile malloc @+1:19 arena
  long *scratch = malloc(n * sizeof *scratch);
  scratch[0] = profile(t->l, depth + 1);
  scratch[1] = profile(t->r, depth + 1);
  for (unsigned long k = 2; k < n; k++)
    scratch[k] = scratch[k - 1] * 3 + scratch[k - 2] + t->key;
  long r = scratch[n - 1];
  // ESCAPE-FREE: profile free @+1:3 sites=0
  free(scratch);
  return r;
}

// The allocation's block is on the loop: the frame is entered in the block
// that dominates the loop, after the early return, and left once.
// CHECK-LABEL: define {{.*}}@looped(
// CHECK-NOT: esc_frame_enter
// CHECK: icmp {{sle|slt|sgt}} i32
// CHECK: call i64 @esc_frame_enter()
// CHECK-NOT: esc_frame_enter
// CHECK: call ptr @esc_frame_alloc(
// CHECK-NOT: esc_frame_enter
// CHECK: ret i64
long looped(int n) {
  if (n <= 0)
    return -1;
  long s = 0;
  for (int i = 0; i < n; i++) {
    // ESCAPE-SITE: looped malloc @+1:15 arena
    char *p = malloc((unsigned long)i + 2);
    p[0] = (char)('a' + i % 26);
    p[1] = 0;
    s += (long)strlen(p) + p[0];
    // ESCAPE-FREE: looped free @+1:5 sites=1
    free(p);
  }
  return s;
}

static struct node pool[64];

static struct node *build(int lo, int hi) {
  if (lo > hi)
    return 0;
  int mid = (lo + hi) / 2;
  struct node *t = &pool[mid];
  t->key = mid * 7;
  t->l = build(lo, mid - 1);
  t->r = build(mid + 1, hi);
  return t;
}

int main(void) {
  struct node *root = build(0, 63);
  long sum = 0;
  for (int d = 0; d < 4; d++)
    sum += profile(root, d);
  printf("profile %ld looped %ld %ld\n", sum, looped(40), looped(0));
  return 0;
}
