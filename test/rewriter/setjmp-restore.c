// REQUIRES: plugin, runtime
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s | FileCheck %s
// RUN: %escape -O2 -nostdinc -I%S/Inputs -S -emit-llvm -o - %s | FileCheck %s --check-prefix=NOARENA
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape -O1 -g -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.escg
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.escg > %t.escg.out
// RUN: diff %t.plain.out %t.escg.out
// A loop around setjmp in a function with no frame of its own (an error
// recovery loop), and a callee whose arena block is live when it jumps
// back: the jump skips the callee's leave.  Before, nothing released those
// blocks until an outer frame left, and main has none: 15,000 jumps out of
// a 2 KiB block grew the arena, and the peak RSS, to 31.7 MiB (1.5 with
// the brackets) where plain code frees each block before it jumps.  Each setjmp call is now
// bracketed (esc_frame_jmp_save before, esc_frame_jmp_restore after) and a
// jump back releases what the skipped frames held.  The program prints
// whether its peak RSS grew by less than 16 MiB.
// Without the arena (the plugin's default) nothing refers to the runtime:
// NOARENA-NOT: esc_frame_jmp
#include "alloc.h"
typedef long jmp_buf[25];
int _setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
struct rusage { long utime[2], stime[2], maxrss_kb, rest[13]; };
int getrusage(int who, struct rusage *ru);

static long peak_rss_kb(void) {
  struct rusage ru;
  return getrusage(0 /* RUSAGE_SELF */, &ru) == 0 ? ru.maxrss_kb : -1;
}

static jmp_buf env;
static int hidden_size = 2048;

static void __attribute__((noinline)) fail_midway(int i) {
  char *work = malloc((size_t)hidden_size);
  if (!work) return;
  for (int k = 0; k < hidden_size; k++) work[k] = (char)(i + k);
  if (i % 4 != 3) longjmp(env, work[i % hidden_size] | 1);
  free(work);
}

// CHECK-LABEL: define {{.*}}@main(
// CHECK: [[T:%.*]] = {{.*}}call i64 @esc_frame_jmp_save()
// CHECK-NEXT: call i32 @_setjmp(
// CHECK-NEXT: call void @esc_frame_jmp_restore(i64 [[T]])
// The callee's block is in the arena (its frame is what the jump skips).
// CHECK-LABEL: define {{.*}}@fail_midway(
// CHECK: call {{.*}}@esc_frame_{{alloc|enter_alloc}}
int main(void) {
  long before = peak_rss_kb();
  long sum = 0;
  for (volatile int i = 0; i < 20000; i++) {
    int r = _setjmp(env);
    if (r == 0)
      fail_midway(i);
    else
      sum += r;
  }
  printf("sum %ld\n", sum);
  printf("peak grew by less than 16 MiB: %s\n",
         peak_rss_kb() - before < 16 * 1024 ? "yes" : "no");
  return 0;
}

// Excluded by the attribute: its setjmp is left as it is.
// CHECK-LABEL: define {{.*}}@excluded(
// CHECK-NOT: esc_frame_jmp_save
// CHECK: call i32 @_setjmp(
// CHECK-NOT: esc_frame_jmp_restore
// CHECK: ret
__attribute__((annotate("escape_off"))) int excluded(void) {
  if (_setjmp(env))
    return 1;
  return 0;
}
