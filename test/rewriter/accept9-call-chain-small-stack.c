// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// A chain of 25 functions, none recursive, each holding a 1000-byte block
// while it calls the next, run on a thread with a 16 KiB stack.  Every
// block kept within its function's 1 KiB frame budget and went to the
// stack: the chain needed 25 KB more stack than plain code and overflowed
// (SIGSEGV, at -O2 and -O0).  The call-chain budget (4 KiB) leaves the
// blocks of the four functions nearest the leaf on the stack and puts the
// rest in the frame arena.
#include "alloc.h"
void *memset(void *d, int c, size_t n);
int printf(const char *fmt, ...);

#include "stackthread.h"

__attribute__((noinline)) static unsigned sum(const unsigned char *b) {
  unsigned s = 0;
  for (int i = 0; i < 1000; i++)
    s = s * 31 + b[i];
  return s;
}

#define LEVEL(n, next)                                                                    \
  __attribute__((noinline)) static unsigned n(unsigned x) {                               \
    unsigned char *b = malloc(1000);                                                      \
    memset(b, (int)(x & 0xff), 1000);                                                     \
    unsigned r = next(x + 1) ^ sum(b);                                                    \
    free(b);                                                                              \
    return r;                                                                             \
  }

__attribute__((noinline)) static unsigned leaf(unsigned x) { return x * 2654435761u; }
LEVEL(f24, leaf) LEVEL(f23, f24) LEVEL(f22, f23) LEVEL(f21, f22) LEVEL(f20, f21)
LEVEL(f19, f20) LEVEL(f18, f19) LEVEL(f17, f18) LEVEL(f16, f17) LEVEL(f15, f16)
LEVEL(f14, f15) LEVEL(f13, f14) LEVEL(f12, f13) LEVEL(f11, f12) LEVEL(f10, f11)
LEVEL(f9, f10) LEVEL(f8, f9) LEVEL(f7, f8) LEVEL(f6, f7) LEVEL(f5, f6)
LEVEL(f4, f5) LEVEL(f3, f4) LEVEL(f2, f3) LEVEL(f1, f2) LEVEL(f0, f1)

static void *run(void *arg) {
  unsigned *v = arg;
  *v = f0(*v);
  return 0;
}

int main(void) {
  unsigned v = 12345;
  if (run_on_stack(run, &v, 16384) != 0)
    return 1;
  printf("%u\n", v);
  return 0;
}
