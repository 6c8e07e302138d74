//===- scratchshare.c - small blocks written hard by several threads --------===//
//
// Part of escape.  The main thread allocates one small block per worker and
// hands it over; each worker frees it, then repeatedly allocates a small
// block, writes it many times and frees it.  An allocator that hands a
// worker memory on the same cache line as another worker's (the block the
// main thread gave it, or a neighbour of it) makes the workers' writes
// contend for the line: passive false sharing.  thrash.c builds this file
// with SCRATCH_HANDOVER 0: no block is handed over, and only blocks an
// allocator carves for different threads from one cache line contend
// (active false sharing).
// Usage: scratchshare [rounds=100000] [writes=1000] [threads=4] [size=8]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <pthread.h>

#ifndef SCRATCH_HANDOVER
#define SCRATCH_HANDOVER 1
#define SCRATCH_NAME "scratchshare"
#endif

typedef struct worker_s {
  unsigned char *given;
  long rounds, writes;
  size_t size;
  uint64_t sum;
} worker_t;

static void *worker(void *arg) {
  worker_t *w = arg;
  free(w->given);
  uint64_t sum = 0;
  for (long r = 0; r < w->rounds; r++) {
    volatile unsigned char *p = malloc(w->size);
    if (!p) exit(1);
    for (size_t i = 0; i < w->size; i++) p[i] = 0;
    for (long i = 0; i < w->writes; i++) p[i % w->size] += (unsigned char)i;
    sum += p[0];
    free((void *)p);
  }
  w->sum = sum;
  return NULL;
}

int main(int argc, char **argv) {
  long rounds = bench_arg(argc, argv, 1, 100000);
  long writes = bench_arg(argc, argv, 2, 1000);
  long nthr = bench_arg(argc, argv, 3, 4);
  long size = bench_arg(argc, argv, 4, 8);
  if (nthr < 1 || nthr > 64 || size < 1 || rounds < 0 || writes < 0) return 1;
  worker_t w[64];
  pthread_t t[64];
  for (long j = 0; j < nthr; j++) {
    w[j] = (worker_t){SCRATCH_HANDOVER ? malloc((size_t)size) : NULL, rounds, writes,
                      (size_t)size, 0};
    if (SCRATCH_HANDOVER && !w[j].given) return 1;
  }
  for (long j = 0; j < nthr; j++)
    if (pthread_create(&t[j], NULL, worker, &w[j])) return 1;
  uint64_t sum = 0;
  for (long j = 0; j < nthr; j++) {
    pthread_join(t[j], NULL);
    sum += w[j].sum;
  }
  printf(SCRATCH_NAME " rounds=%ld writes=%ld threads=%ld size=%ld sum=%llu\n", rounds, writes,
         nthr, size, (unsigned long long)sum);
  return 0;
}
