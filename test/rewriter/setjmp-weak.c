// A file with a setjmp and no promoted site needs no runtime at link time:
// the bracket's functions are weak references and each call is guarded by
// a null check (a C++ test driver linked such an object with g++ and failed
// on an undefined esc_frame_jmp_save).  Linked without the runtime, the
// program runs as plain code does; linked with it, the bracket runs.
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s | FileCheck %s
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -c %s -o %t.o
// RUN: %clang %t.o -o %t.noruntime
// RUN: %t.noruntime > %t.noruntime.out
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: diff %t.plain.out %t.noruntime.out
// RUN: %clang %t.o %libdir/libescape-rt.a -lpthread -o %t.runtime
// RUN: %t.runtime > %t.runtime.out
// RUN: diff %t.plain.out %t.runtime.out
#include "alloc.h"
typedef long jmp_buf[25];
int _setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));

static jmp_buf env;

static void __attribute__((noinline)) fail(int i) {
  if (i % 3) longjmp(env, i);
}

// CHECK-LABEL: define {{.*}}@main(
// CHECK: icmp {{eq|ne}} ptr @esc_frame_jmp_save, null
// CHECK: call i64 @esc_frame_jmp_save()
// CHECK-NEXT: call i32 @_setjmp(
// CHECK-NEXT: call void @esc_frame_jmp_restore(
int main(void) {
  long sum = 0;
  for (volatile int i = 0; i < 100; i++) {
    int r = _setjmp(env);
    if (r == 0)
      fail(i);
    else
      sum += r;
  }
  printf("sum %ld\n", sum);
  return 0;
}
// CHECK: declare extern_weak i64 @esc_frame_jmp_save()
// CHECK: declare extern_weak void @esc_frame_jmp_restore(i64)
