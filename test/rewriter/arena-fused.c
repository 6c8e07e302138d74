// RUN: %c_to_ir -O2 %s -o %t.ll
// RUN: %rewrite_ir -O2 -spec=%s %t.ll -o %t.esc.ll
// RUN: FileCheck %s < %t.esc.ll
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %clang -O0 %t.esc.ll %arena_stub -nostdinc -I%S/Inputs -o %t.stub
// RUN: %t.stub > %t.stub.out
// RUN: diff %t.plain.out %t.stub.out
// At the end of the pipeline an enter followed by an allocation, and a free
// followed by a leave, with no call between them, become one call each
// (esc_frame_enter_alloc, esc_frame_free_leave); a call between a free and
// the leave keeps them apart.  When the free releases the enter_alloc's own
// object the fused call is esc_frame_free_leave_pair, which needs no mark;
// a leave in a block that other paths share is copied into them first,
// unless an instruction before it in that block touches memory.  The
// program prints the same with the strict arena stub, which checks every
// frame (and that free_leave_pair gets the innermost frame's object).
#include "alloc.h"

static void copy(char *d, const char *s, int n) {
  for (int i = 0; i < n; i++)
    d[i] = s[i];
}

__attribute__((noinline)) void note(const char *s) { printf("note %s\n", s); }

// CHECK-LABEL: define {{.*}}@one(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK-NOT: call {{.*}}@esc_frame_enter()
// CHECK-NOT: call {{.*}}@esc_frame_alloc(
// CHECK-NOT: call void @esc_frame_free(
// CHECK-NOT: extractvalue { ptr, i64 } %{{.*}}, 1
// CHECK: call void @esc_frame_free_leave_pair(ptr
// CHECK-NOT: call void @esc_frame_leave(
// CHECK: ret i32
__attribute__((noinline)) int one(const char *s, int n) {
  // ESCAPE-SITE: one malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  copy(p, s, n);
  p[n] = 0;
  int r = (int)strlen(p) + p[0];
  // ESCAPE-FREE: one free @+1:3 sites=0
  free(p);
  return r;
}

// The free runs on some paths only: the leave stays at the return, after
// a call that keeps it apart from the free.
// CHECK-LABEL: define {{.*}}@apart(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK: call void @esc_frame_free(ptr
// CHECK: call void @note(
// CHECK-NEXT: call void @esc_frame_leave(i64
__attribute__((noinline)) int apart(const char *s, int n) {
  // ESCAPE-SITE: apart malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  copy(p, s, n);
  p[n] = 0;
  int r = p[0];
  if (n > 1)
    // ESCAPE-FREE: apart free @+1:5 sites=1
    free(p);
  note(s);
  return r;
}

// The only object's free is on every path: the frame ends there, and the
// leave after the call goes.
// CHECK-LABEL: define {{.*}}@early(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK-NOT: extractvalue { ptr, i64 } %{{.*}}, 1
// CHECK: call void @esc_frame_free_leave_pair(ptr
// CHECK-NEXT: call void @note(
// CHECK-NOT: esc_frame_leave
// CHECK: ret i32
__attribute__((noinline)) int early(const char *s, int n) {
  // ESCAPE-SITE: early malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  copy(p, s, n);
  p[n] = 0;
  int r = p[0];
  // ESCAPE-FREE: early free @+1:3 sites=2
  free(p);
  note(s);
  return r;
}

// A NULL object opens no frame, so the path of `if (!p)` needs no leave:
// the frame still ends at the free, and no leave is left.
// CHECK-LABEL: define {{.*}}@nullcheck(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK-NOT: esc_frame_leave(
// CHECK: call void @esc_frame_free_leave_pair(ptr
// CHECK-NEXT: call void @note(
// CHECK-NOT: esc_frame_leave(
// CHECK: ret i32
__attribute__((noinline)) int nullcheck(const char *s, int n) {
  // ESCAPE-SITE: nullcheck malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  if (!p)
    return -1;
  copy(p, s, n);
  p[n] = 0;
  int r = p[0];
  // ESCAPE-FREE: nullcheck free @+1:3 sites=3
  free(p);
  note(s);
  return r;
}

// No call follows the free: it moves down to the leave (the stores after
// it then need no register across a call), not the leave up to it.
// CHECK-LABEL: define {{.*}}@late(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK: store i32 %{{.*}}, ptr @last_len
// CHECK-NEXT: call void @esc_frame_free_leave_pair(ptr
// CHECK-NEXT: ret i32
int last_len;
__attribute__((noinline)) int late(const char *s, int n) {
  // ESCAPE-SITE: late malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  copy(p, s, n);
  p[n] = 0;
  int r = p[0];
  // ESCAPE-FREE: late free @+1:3 sites=4
  free(p);
  last_len = n;
  return r;
}

// The object freed last is not the enter_alloc's: the mark is passed.
// CHECK-LABEL: define {{.*}}@two(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK: call ptr @esc_frame_alloc(i64
// CHECK: call void @esc_frame_free(ptr
// CHECK: call void @esc_frame_free_leave(ptr
__attribute__((noinline)) int two(const char *s, int n) {
  // ESCAPE-SITE: two malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  copy(p, s, n);
  p[n] = 0;
  // ESCAPE-SITE: two malloc @+1:13 arena
  char *q = malloc((size_t)n + 2);
  copy(q, p, n + 1);
  // ESCAPE-FREE: two free @+1:3 sites=5
  free(p);
  note(q);
  int r = q[0];
  // ESCAPE-FREE: two free @+1:3 sites=6
  free(q);
  return r;
}

// The null test's return joins the freeing path: the leave is copied into
// both, and the freeing path's copy fuses.
// CHECK-LABEL: define {{.*}}@join(
// CHECK: [[PAIR:%.*]] = call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK: [[MARK:%.*]] = extractvalue { ptr, i64 } [[PAIR]], 1
// CHECK: call void @esc_frame_leave(i64 [[MARK]])
// CHECK: call void @esc_frame_free_leave_pair(ptr
// CHECK-NOT: call void @esc_frame_leave(
// CHECK: ret i32
__attribute__((noinline)) int join(const char *s, int n) {
  // ESCAPE-SITE: join malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  if (!p)
    return -1;
  copy(p, s, n);
  p[n] = 0;
  int r = (int)strlen(p) + p[0];
  // ESCAPE-FREE: join free @+1:3 sites=7
  free(p);
  return r;
}

// A load between the join and its leave: the leave stays where it is.
// CHECK-LABEL: define {{.*}}@joinload(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK: call void @esc_frame_free(ptr
// CHECK: load i32, ptr @bias
// CHECK: call void @esc_frame_leave(i64
// CHECK-NOT: esc_frame_free_leave
// CHECK: ret i32
int bias = 3;
__attribute__((noinline)) int joinload(const char *s, int n) {
  // ESCAPE-SITE: joinload malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  int r = -1;
  if (p) {
    copy(p, s, n);
    p[n] = 0;
    r = (int)strlen(p);
    // ESCAPE-FREE: joinload free @+1:5 sites=8
    free(p);
  }
  return r + bias;
}

int main(void) {
  int t = 0;
  const char *s = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghij";
  for (int i = 1; i < 40; i++)
    t += one(s, i) + apart("xyz", i % 4) + two(s, i % 7 + 1) + join(s, i) + joinload(s, i) +
         early(s, i % 5) + late(s, i % 6) + nullcheck(s, i % 7);
  printf("fused %d\n", t);
  return 0;
}
