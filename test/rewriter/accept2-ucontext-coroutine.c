// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A coroutine (ucontext) holds a frame-arena block across a yield, and the
// function that resumed it returns meanwhile: its frame's leave pops every
// arena header above its mark, the coroutine's block included, since the
// thread's one arena is a single LIFO stack shared by both stacks of
// control.  The block is poisoned (or reused by the caller's next arena
// allocation) while the coroutine still uses it.  Plain code prints
// "intact 1"; escape -O2 prints "intact 0".
// (Found by the acceptance program coroutines.c, kept out of
// test/acceptance/programs/ until this passes; see test/acceptance/README.md.)
#include "alloc.h"

// The prefix of glibc's ucontext_t (x86_64 and aarch64 share it); the rest
// is room for the machine context.
typedef struct uctx {
  unsigned long flags;
  struct uctx *link;
  void *ss_sp;
  int ss_flags;
  size_t ss_size;
  char rest[8192];
} __attribute__((aligned(16))) uctx_t;
int getcontext(uctx_t *ucp);
void makecontext(uctx_t *ucp, void (*fn)(void), int argc, ...);
int swapcontext(uctx_t *oucp, const uctx_t *ucp);

static uctx_t co_ctx, main_ctx;
static volatile size_t g_size = 64;
static volatile int g_sum;
static char co_stack[64 * 1024] __attribute__((aligned(16)));

// Holds a dynamic-size block (frame arena) across one yield.
static void co(void) {
  size_t n = g_size;
  char *d = malloc(n);
  memset(d, 'c', n);
  swapcontext(&co_ctx, &main_ctx);
  int ok = 1;
  for (size_t i = 0; i < n; i++) ok &= d[i] == 'c';
  printf("intact %d\n", ok);
  free(d);
  swapcontext(&co_ctx, &main_ctx);
}

// Enters a frame of its own, resumes the coroutine, frees, returns.
static void step(void) {
  size_t n = g_size;
  char *t = malloc(n);
  memset(t, 's', n);
  swapcontext(&main_ctx, &co_ctx);
  g_sum += t[n - 1];
  free(t);
}

int main(void) {
  getcontext(&co_ctx);
  co_ctx.ss_sp = co_stack;
  co_ctx.ss_size = sizeof co_stack;
  co_ctx.link = 0;
  makecontext(&co_ctx, co, 0);
  step();
  step();
  printf("sum %d\n", g_sum);
  return 0;
}
