// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -S -emit-llvm %s -o - | FileCheck %s
// A helper whose 1000-byte block goes to the stack, inlined at sixteen
// calls of one function: each copy of the block got its own slot and
// none ended before the function returned, so the function's frame held
// 16,000 bytes where the frame budget is 1,024, and a 16 KiB thread stack
// that plain code runs in overflowed (SIGSEGV).  The removed free() now
// ends its slot's lifetime, and the copies share one slot's bytes.
#include "alloc.h"
void *memset(void *d, int c, size_t n);
int printf(const char *fmt, ...);

#include "stackthread.h"

static unsigned h(int x) {
  unsigned char *b = malloc(1000);
  memset(b, x & 0xff, 1000);
  unsigned s = 0;
  for (int i = 0; i < 1000; i += 3)
    s = s * 31 + b[i];
  free(b);
  return s;
}

// CHECK-LABEL: define {{.*}}@run(
// CHECK: call void @llvm.lifetime.start.p0(i64 1000,
// CHECK: call void @llvm.lifetime.end.p0(i64 1000,
// CHECK-NOT: call{{.*}}@malloc
static unsigned many(int x) {
  return h(x) + h(x + 1) + h(x + 2) + h(x + 3) + h(x + 4) + h(x + 5) + h(x + 6) + h(x + 7) +
         h(x + 8) + h(x + 9) + h(x + 10) + h(x + 11) + h(x + 12) + h(x + 13) + h(x + 14) +
         h(x + 15);
}

static void *run(void *arg) {
  unsigned *v = arg;
  *v = many((int)*v);
  return 0;
}

int main(void) {
  unsigned v = 7;
  if (run_on_stack(run, &v, 16384) != 0)
    return 1;
  printf("%u\n", v);
  return 0;
}
