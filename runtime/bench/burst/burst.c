//===- burst.c - burst of allocation, then idle ----------------------------===//
//
// Part of escape.  Keeps a steady working set, then allocates a large burst
// of small and medium objects, frees all of it and idles with an occasional
// allocation so an allocator that releases memory after a delay can run.
// Prints the resident set size before, at the peak and after the idle: a
// burst must not pin its peak forever.
// Usage: burst [burst_mib=256] [idle_ms=1500] [steady_mib=16]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <time.h>

static void burst_sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

// burst_fill allocates objects of 32-4096 bytes until `bytes` are live and
// returns them in a new array of *count entries.
static void **burst_fill(bench_rng_t *rng, size_t bytes, size_t *count) {
  size_t cap = bytes / 512 + 16, n = 0, total = 0;
  void **v = malloc(cap * sizeof *v);
  if (!v) return NULL;
  while (total < bytes) {
    if (n == cap) {
      void **w = realloc(v, (cap *= 2) * sizeof *v);
      if (!w) break;
      v = w;
    }
    size_t sz = bench_range(rng, 32, 4096);
    if (!(v[n] = malloc(sz))) break;
    bench_touch(v[n++], sz);
    total += sz;
  }
  *count = n;
  return v;
}

static void burst_free(void **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

int main(int argc, char **argv) {
  size_t burst = (size_t)bench_arg(argc, argv, 1, 256) << 20;
  long idle_ms = bench_arg(argc, argv, 2, 1500);
  size_t steady = (size_t)bench_arg(argc, argv, 3, 16) << 20;
  bench_rng_t rng = {0x9E3779B97F4A7C15ULL};
  size_t ns = 0, nb = 0;
  void **live = burst_fill(&rng, steady, &ns);
  if (!live) return 1;
  long before = bench_rss_kb();
  void **tmp = burst_fill(&rng, burst, &nb);
  if (!tmp) return 1;
  long peak = bench_rss_kb();
  burst_free(tmp, nb);
  // Idle, but keep calling the allocator as a quiet program would; the
  // volatile store keeps the compiler from removing the pair.
  for (long t = 0; t < idle_ms; t += 100) {
    burst_sleep_ms(100);
    void *volatile q = malloc(64);
    free(q);
  }
  long after = bench_rss_kb();
  burst_free(live, ns);
  printf("burst rss_before_kb=%ld rss_peak_kb=%ld rss_after_kb=%ld "
         "after_vs_before=%.3f\n",
         before, peak, after, before ? (double)after / (double)before : 0.0);
  return 0;
}
