//===- threadpool.c - pool threads churning private mixed-size blocks ----===//
//
// Part of escape.  Four worker threads (more than the machine has cores)
// each own a table of 2048 slots and, at every step, free a random slot's
// block and, seven times in eight, allocate a new one: three quarters of
// 16-511 bytes, the rest log-uniform from 16 B to 64 KiB.  No block crosses
// threads.  It measures blocks of 4-64 KiB in the thread caches and the
// page heap under several threads (spans taken and returned, pages released
// and faulted in again), next to small-object churn.
// Usage: threadpool [steps_per_thread=6000000] [threads=4]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <pthread.h>
#include <string.h>

enum { SLOTS = 2048 };

// Each worker's state (its random generator and sum change at every step)
// has cache lines of its own, so the workers share none of it.
typedef struct worker_s {
  _Alignas(64) long steps;
  bench_rng_t rng;
  uint64_t sum;
  int id, ok;
} worker_t;

static void *threadpool_worker(void *arg) {
  worker_t *w = arg;
  char **slot = calloc(SLOTS, sizeof *slot);
  size_t *len = calloc(SLOTS, sizeof *len);
  if (!slot || !len) return NULL;
  for (long i = 0; i < w->steps; i++) {
    uint64_t x = bench_rand(&w->rng);
    size_t k = (size_t)(x % SLOTS);
    if (slot[k]) {
      w->sum += (unsigned char)slot[k][len[k] - 1] + len[k];
      free(slot[k]);
      slot[k] = NULL;
    }
    if ((x >> 20) % 8 == 0) continue;
    unsigned e = 4 + (unsigned)((x >> 24) % 13);
    if ((x >> 30) % 4) e = 4 + (unsigned)((x >> 32) % 5);
    size_t n = ((size_t)1 << e) + (size_t)((x >> 40) % ((size_t)1 << e));
    if (n > 65536) n = 65536;
    char *p = malloc(n);
    if (!p) return NULL;
    p[0] = (char)w->id;
    p[n - 1] = (char)(n & 0x7f);
    if (n <= 256) memset(p, (int)(n & 0x7f), n);
    slot[k] = p;
    len[k] = n;
  }
  for (int k = 0; k < SLOTS; k++) free(slot[k]);
  free(slot);
  free(len);
  w->ok = 1;
  return w;
}

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 6000000);
  long nthr = bench_arg(argc, argv, 2, 4);
  if (nthr < 1 || nthr > 64) return 1;
  worker_t w[64];
  pthread_t t[64];
  for (long j = 0; j < nthr; j++) {
    w[j] = (worker_t){steps, {0xABCDEFULL * (uint64_t)(j + 1)}, 0, (int)j, 0};
    if (pthread_create(&t[j], NULL, threadpool_worker, &w[j]) != 0) return 1;
  }
  uint64_t sum = 0;
  for (long j = 0; j < nthr; j++) {
    pthread_join(t[j], NULL);
    if (!w[j].ok) return 1;
    sum += w[j].sum;
  }
  printf("threadpool steps=%ld threads=%ld sum=%llu\n", steps, nthr, (unsigned long long)sum);
  return 0;
}
