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
// the leave keeps them apart.  The program prints the same with the strict
// arena stub, which checks every frame.
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
// CHECK: call void @esc_frame_free_leave(ptr
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

// CHECK-LABEL: define {{.*}}@apart(
// CHECK: call { ptr, i64 } @esc_frame_enter_alloc(i64
// CHECK: call void @esc_frame_free(ptr
// CHECK-NEXT: call void @note(
// CHECK-NEXT: call void @esc_frame_leave(i64
__attribute__((noinline)) int apart(const char *s, int n) {
  // ESCAPE-SITE: apart malloc @+1:13 arena
  char *p = malloc((size_t)n + 1);
  copy(p, s, n);
  p[n] = 0;
  int r = p[0];
  // ESCAPE-FREE: apart free @+1:3 sites=1
  free(p);
  note(s);
  return r;
}

int main(void) {
  int t = 0;
  for (int i = 1; i < 40; i++)
    t += one("abcdefghijklmnopqrstuvwxyz0123456789abcdefghij", i) + apart("xyz", i % 4);
  printf("fused %d\n", t);
  return 0;
}
