//===- larson.c - larson-style server workload -----------------------------===//
//
// Part of escape.  After Larson and Krishnan's server benchmark: worker
// threads each own a table of live objects and replace random entries; at
// the end of a round every worker exits and a new thread takes over another
// worker's table, so objects are freed by threads that did not allocate them
// and thread caches are born and die all the time.
// Usage: larson [rounds=40] [steps_per_round=200000] [threads=2] [slots=1000]
//               [mode=0]
// mode 1: each table stays with its worker (no object changes threads at a
// round's end); mode 2: as 1, and the workers split the sizes, even ones
// taking 10-250 bytes and odd ones 260-500, so no two share a size class.
// The default, 0, is the benchmark; the others take it apart
// (docs/performance-runtime.md).
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <pthread.h>

// Each worker's state (its random generator and sum change at every step)
// has cache lines of its own: two workers' states on one line made the
// cores pass it back and forth at every step, which doubled the run's CPU
// time under every allocator.
typedef struct worker_s {
  _Alignas(64) void **live;
  long slots, steps;
  bench_rng_t rng;
  uint64_t sum;
  size_t lo, hi; // block sizes
} worker_t;

static void *larson_worker(void *arg) {
  worker_t *w = arg;
  for (long i = 0; i < w->steps; i++) {
    size_t k = (size_t)(bench_rand(&w->rng) % (uint64_t)w->slots);
    free(w->live[k]);
    size_t n = bench_range(&w->rng, w->lo, w->hi);
    unsigned char *p = malloc(n);
    if (!p) return NULL;
    p[0] = (unsigned char)k;
    p[n - 1] = (unsigned char)n;
    w->sum += p[0];
    w->live[k] = p;
  }
  return w;
}

int main(int argc, char **argv) {
  long rounds = bench_arg(argc, argv, 1, 40);
  long steps = bench_arg(argc, argv, 2, 200000);
  long nthr = bench_arg(argc, argv, 3, 2);
  long slots = bench_arg(argc, argv, 4, 1000);
  long mode = bench_arg(argc, argv, 5, 0);
  if (nthr < 1 || nthr > 64 || mode < 0 || mode > 2) return 1;
  worker_t w[64];
  pthread_t t[64];
  for (long j = 0; j < nthr; j++) {
    w[j] = (worker_t){calloc((size_t)slots, sizeof(void *)), slots, steps,
                      {0x2545F4914F6CDD1DULL + (uint64_t)j * 7919}, 0, 10, 500};
    if (mode == 2) {
      w[j].lo = j % 2 ? 260 : 10;
      w[j].hi = j % 2 ? 500 : 250;
    }
    if (!w[j].live) return 1;
  }
  for (long r = 0; r < rounds; r++) {
    for (long j = 0; j < nthr; j++)
      if (pthread_create(&t[j], NULL, larson_worker, &w[j]) != 0) return 1;
    for (long j = 0; j < nthr; j++) pthread_join(t[j], NULL);
    // Rotate the tables: next round each thread frees its neighbour's objects.
    if (mode != 0) continue;
    void **first = w[0].live;
    for (long j = 0; j + 1 < nthr; j++) w[j].live = w[j + 1].live;
    w[nthr - 1].live = first;
  }
  uint64_t sum = 0;
  for (long j = 0; j < nthr; j++) {
    for (long k = 0; k < slots; k++) free(w[j].live[k]);
    free(w[j].live);
    sum += w[j].sum;
  }
  printf("larson rounds=%ld steps=%ld threads=%ld sum=%llu\n", rounds, steps,
         nthr, (unsigned long long)sum);
  return 0;
}
