// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A thread made with a 64 KiB stack (pthread_attr_setstacksize) runs a
// chain of six functions, none recursive, each holding three 4 KiB blocks
// while it calls the next.  Plain code keeps the blocks on the heap and
// needs a few KiB of stack; every block fits the stack policy (4 KiB per
// object, 12 KiB of the 16 KiB frame budget), so escape-cc's build needs
// 72 KiB of stack and overflows the thread's 64 (SIGSEGV).  At -O2 the
// chain is inlined into the thread function, whose one frame then holds
// all 72 KiB, over the frame budget the plugin checked per function; -O0
// overflows the same way with six frames.  The budget is per function,
// and nothing bounds the promoted bytes of a call chain on a small stack.
// (Found while writing test/acceptance/programs/smallstack.c, which keeps
// to 23 KiB of promoted blocks per chain and passes.)
#include "alloc.h"
int snprintf(char *buf, size_t n, const char *fmt, ...);
void *memcpy(void *d, const void *s, size_t n);

#include "stackthread.h"

static long leaf(int x) {
  char s[64];
  return snprintf(s, sizeof s, "leaf %d", x);
}

static long stage6(int x) {
  char *a = malloc(4096);
  char *b = malloc(4096);
  char *c = malloc(4096);
  snprintf(a, 4096, "%0*d", 3000 + x, x);
  memcpy(b, a, 4096);
  snprintf(c, 4096, "%s|%s", a + 2000, b + 1000);
  long r = (long)strlen(c) + (long)strlen(b) + leaf(x);
  free(c);
  free(b);
  free(a);
  return r;
}

static long stage5(int x) {
  char *a = malloc(4096);
  char *b = malloc(4096);
  char *c = malloc(4096);
  snprintf(a, 4096, "%0*d", 3000 + x, x);
  memcpy(b, a, 4096);
  snprintf(c, 4096, "%s|%s", a + 2000, b + 1000);
  long r = (long)strlen(c) + (long)strlen(b) + stage6(x + 1);
  free(c);
  free(b);
  free(a);
  return r;
}

static long stage4(int x) {
  char *a = malloc(4096);
  char *b = malloc(4096);
  char *c = malloc(4096);
  snprintf(a, 4096, "%0*d", 3000 + x, x);
  memcpy(b, a, 4096);
  snprintf(c, 4096, "%s|%s", a + 2000, b + 1000);
  long r = (long)strlen(c) + (long)strlen(b) + stage5(x + 1);
  free(c);
  free(b);
  free(a);
  return r;
}

static long stage3(int x) {
  char *a = malloc(4096);
  char *b = malloc(4096);
  char *c = malloc(4096);
  snprintf(a, 4096, "%0*d", 3000 + x, x);
  memcpy(b, a, 4096);
  snprintf(c, 4096, "%s|%s", a + 2000, b + 1000);
  long r = (long)strlen(c) + (long)strlen(b) + stage4(x + 1);
  free(c);
  free(b);
  free(a);
  return r;
}

static long stage2(int x) {
  char *a = malloc(4096);
  char *b = malloc(4096);
  char *c = malloc(4096);
  snprintf(a, 4096, "%0*d", 3000 + x, x);
  memcpy(b, a, 4096);
  snprintf(c, 4096, "%s|%s", a + 2000, b + 1000);
  long r = (long)strlen(c) + (long)strlen(b) + stage3(x + 1);
  free(c);
  free(b);
  free(a);
  return r;
}

static long stage1(int x) {
  char *a = malloc(4096);
  char *b = malloc(4096);
  char *c = malloc(4096);
  snprintf(a, 4096, "%0*d", 3000 + x, x);
  memcpy(b, a, 4096);
  snprintf(c, 4096, "%s|%s", a + 2000, b + 1000);
  long r = (long)strlen(c) + (long)strlen(b) + stage2(x + 1);
  free(c);
  free(b);
  free(a);
  return r;
}

static void *worker(void *arg) {
  *(long *)arg = stage1(3);
  return 0;
}

int main(void) {
  long r = 0;
  if (run_on_stack(worker, &r, 64 * 1024) != 0) return 1;
  printf("r %ld\n", r);
  return 0;
}
