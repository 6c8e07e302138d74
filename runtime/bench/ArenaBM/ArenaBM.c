//===- ArenaBM.c - micro-benchmark of the frame arena fast paths -----------===//
//
// Part of escape.  Times, in thread CPU time per iteration, the sequences the
// transformation emits (enter/alloc/free/leave, enter/alloc/leave, bare
// enter/leave, alloc/free inside one frame) against the malloc/free pair of
// whatever allocator the program is linked with, each in a non-inlined
// function as compiled code would call them.
// Usage: ArenaBM [iterations=20000000]
//
//===----------------------------------------------------------------------===//
#include "escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double bm_cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

__attribute__((noinline)) static long bm_enter_alloc_free_leave(long i) {
  esc_frame_mark_t m = esc_frame_enter();
  long *p = esc_frame_alloc((size_t)(i & 3) * 8 + 16);
  p[0] = i;
  long r = p[0] + 1;
  esc_frame_free(p);
  esc_frame_leave(m);
  return r;
}

__attribute__((noinline)) static long bm_enter_alloc_leave(long i) {
  esc_frame_mark_t m = esc_frame_enter();
  long *p = esc_frame_alloc((size_t)(i & 3) * 8 + 16);
  p[0] = i;
  long r = p[0] + 1;
  esc_frame_leave(m);
  return r;
}

__attribute__((noinline)) static long bm_enter_leave(long i) {
  esc_frame_mark_t m = esc_frame_enter();
  esc_frame_leave(m);
  return i;
}

__attribute__((noinline)) static long bm_alloc_free(long i) {
  long *p = esc_frame_alloc((size_t)(i & 3) * 8 + 16);
  p[0] = i;
  long r = p[0] + 1;
  esc_frame_free(p);
  return r;
}

__attribute__((noinline)) static long bm_malloc_free(long i) {
  long *p = malloc((size_t)(i & 3) * 8 + 16);
  __asm__ volatile("" : : "r"(p) : "memory");  // keep the pair
  p[0] = i;
  long r = p[0] + 1;
  free(p);
  return r;
}

static void bm_run(const char *name, long (*fn)(long), long n) {
  long sum = 0;
  double t = bm_cpu_now();
  for (long i = 0; i < n; i++) sum += fn(i);
  double ns = (bm_cpu_now() - t) / (double)n * 1e9;
  printf("%-28s %6.1f ns  (sum %ld)\n", name, ns, sum);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 20000000;
  bm_run("enter/alloc/free/leave", bm_enter_alloc_free_leave, n);
  bm_run("enter/alloc/leave", bm_enter_alloc_leave, n);
  bm_run("enter/leave", bm_enter_leave, n);
  esc_frame_mark_t m = esc_frame_enter();
  bm_run("alloc/free (one frame)", bm_alloc_free, n);
  esc_frame_leave(m);
  bm_run("malloc/free", bm_malloc_free, n);
  return 0;
}
