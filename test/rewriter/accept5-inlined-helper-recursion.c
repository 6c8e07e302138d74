// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s -S -emit-llvm -o - | FileCheck %s
// A recursive walk calls, at every level, helpers whose 512-byte buffers
// move to the stack, directly (fmt) and through a function that is not
// recursive (note -> fmt).  Plain code keeps the buffers on the heap and
// the walk's frame small; a thread with a 1 MiB stack runs it 8,000
// levels deep.  When the inliner took fmt, and note with it, into the
// walk, every level held their buffers: 1.5 KiB per level, and the thread
// overflowed its stack (SIGSEGV).  The calls from the walk are now not
// inlined; main's call to fmt still is.
#include "alloc.h"
int snprintf(char *buf, size_t n, const char *fmt, ...);

#include "stackthread.h"

static int fmt(int n) {
  char *buf = malloc(512);
  snprintf(buf, 512, "level %d", n);
  int r = (int)strlen(buf);
  free(buf);
  return r;
}

static int note(int n) {
  char *tag = malloc(512);
  snprintf(tag, 512, "%x", n);
  int r = (int)strlen(tag) + fmt(n / 2);
  free(tag);
  return r;
}

// main's call to fmt is inlined (main defined first in the IR).
// CHECK-LABEL: define {{.*}}@main(
// CHECK-NOT: call {{.*}}@fmt(
// CHECK: ret i32
// CHECK-LABEL: define internal {{.*}}@walk(
// CHECK-NOT: alloca [512 x i8]
// CHECK-DAG: call {{.*}}@fmt({{.*}}) #[[NOINLINE:[0-9]+]]
// CHECK-DAG: call {{.*}}@note({{.*}}) #[[NOINLINE]]
// CHECK: {{^}$}}
static long walk(int n) {
  if (n == 0)
    return 0;
  long r = fmt(n) + note(n);
  return r + walk(n - 1) + (n & 3);
}

static long total;

static void *run(void *arg) {
  (void)arg;
  total = walk(8000);
  return 0;
}

// CHECK: attributes #[[NOINLINE]] = { noinline }
int main(void) {
  if (run_on_stack(run, 0, 1 << 20) != 0)
    return 1;
  printf("walk %ld fmt %d\n", total, fmt(12345));
  return 0;
}
