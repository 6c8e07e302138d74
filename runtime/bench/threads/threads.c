//===- threads.c - many threads on mid-size blocks -------------------------===//
//
// Part of escape.  Eight threads (more than the machine has cores) each own
// a table of live blocks of 16 to 2048 bytes and replace random entries.
// No block crosses threads: the workload measures how the per-thread caches
// scale with the number of threads, and how often threads meet at the
// shared lists of the larger size classes.
// Usage: threads [steps_per_thread=2000000] [threads=8] [slots=2000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <pthread.h>

// Each worker's state (its random generator and sum change at every step)
// has cache lines of its own, so the workers share none of it.
typedef struct worker_s {
  _Alignas(64) long steps, slots;
  bench_rng_t rng;
  uint64_t sum;
} worker_t;

static void *threads_worker(void *arg) {
  worker_t *w = arg;
  void **live = calloc((size_t)w->slots, sizeof *live);
  if (!live) return NULL;
  for (long i = 0; i < w->steps; i++) {
    size_t k = (size_t)(bench_rand(&w->rng) % (uint64_t)w->slots);
    free(live[k]);
    size_t n = bench_range(&w->rng, 16, 2048);
    unsigned char *p = malloc(n);
    if (!p) return NULL;
    p[0] = (unsigned char)k;
    p[n - 1] = (unsigned char)n;
    w->sum += p[0] + p[n - 1];
    live[k] = p;
  }
  for (long k = 0; k < w->slots; k++) free(live[k]);
  free(live);
  return w;
}

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 2000000);
  long nthr = bench_arg(argc, argv, 2, 8);
  long slots = bench_arg(argc, argv, 3, 2000);
  if (nthr < 1 || nthr > 64 || slots < 1) return 1;
  worker_t w[64];
  pthread_t t[64];
  for (long j = 0; j < nthr; j++) {
    w[j] = (worker_t){steps, slots, {0x9E3779B97F4A7C15ULL + (uint64_t)j * 104729}, 0};
    if (pthread_create(&t[j], NULL, threads_worker, &w[j]) != 0) return 1;
  }
  uint64_t sum = 0;
  for (long j = 0; j < nthr; j++) {
    void *r = NULL;
    pthread_join(t[j], &r);
    if (!r) return 1;
    sum += w[j].sum;
  }
  printf("threads steps=%ld threads=%ld slots=%ld sum=%llu\n", steps, nthr, slots,
         (unsigned long long)sum);
  return 0;
}
