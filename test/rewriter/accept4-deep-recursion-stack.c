// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A thread with a 1 MiB stack recurses 45,000 levels through a function
// whose 32-byte buffer lives across the recursive call.  Plain code keeps
// one pointer in a callee-saved register: 16 bytes of stack per level, 720
// KB in all.  escape-cc moves the buffer to the frame arena (the function
// is recursive); when the leave needed the frame's mark as well as the
// pointer, both stayed live across the call, 32 bytes per level, and the
// recursion overflowed the stack at 1.44 MB (SIGSEGV).  The pair's leave
// (esc_frame_free_leave_pair) finds the frame from the pointer, so the
// promoted function needs no more stack than the plain one.
// The thread then recurses 27,000 levels through a function that frees
// its buffer before the recursive call and keeps two values across it:
// 32 bytes per level in plain code, 48 when the frame's mark stayed live to
// the leave at the return (1.3 MB, SIGSEGV); the frame now ends at the
// free, which every path passes.  Then the same with `if (!b) return;`
// first (climb): that path has no frame to leave, since a NULL object
// opens none, so the frame still ends at the free.
#include "alloc.h"
int snprintf(char *buf, size_t n, const char *fmt, ...);
void abort(void);

#include "stackthread.h"

static int left;
static unsigned long sum;

static void descend(void) {
  char *b = malloc(32);
  if (!b)
    abort();
  snprintf(b, 32, "%d", left);
  if (left-- > 0)
    descend();
  sum += (unsigned char)b[0];
  free(b);
}

static unsigned long risen;

static void rise(int n, long k) {
  char *b = malloc(32);
  snprintf(b, 32, "%d", n);
  sum += (unsigned char)b[0];
  free(b);
  if (n)
    rise(n - 1, k + n);
  risen += (unsigned long)k;
}

static void climb(int n, long k) {
  char *b = malloc(32);
  if (!b)
    return;
  snprintf(b, 32, "%d", n);
  sum += (unsigned char)b[0];
  free(b);
  if (n)
    climb(n - 1, k + n);
  risen += (unsigned long)k;
}

static void *run(void *arg) {
  (void)arg;
  left = 45000;
  descend();
  rise(27000, 1);
  climb(27000, 2);
  return 0;
}

int main(void) {
  if (run_on_stack(run, 0, 1 << 20) != 0)
    return 1;
  printf("sum %lu risen %lu\n", sum, risen);
  return 0;
}
