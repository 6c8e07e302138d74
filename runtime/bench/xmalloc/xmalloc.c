//===- xmalloc.c - many producers, many consumers --------------------------===//
//
// Part of escape.  Four producer threads allocate blocks of 8 to 1024 bytes
// and push them in batches onto one shared, locked stack; four consumer
// threads pop batches and free them.  Unlike prodcons, every thread frees
// blocks that any of several others allocated, and more threads run than
// the machine has cores.
// Usage: xmalloc [blocks_per_producer=1000000] [pairs=4]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <pthread.h>
#include <sched.h>

enum { BATCH = 64, MAX_PENDING = 256 };

typedef struct batch_s {
  struct batch_s *next;
  int n;
  unsigned char *block[BATCH];
} batch_t;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static batch_t *stack;
static long pending, producers_left;
static long per_producer;

static void push(batch_t *b) {
  pthread_mutex_lock(&lock);
  while (pending >= MAX_PENDING) pthread_cond_wait(&cond, &lock);
  b->next = stack;
  stack = b;
  pending++;
  pthread_cond_broadcast(&cond);
  pthread_mutex_unlock(&lock);
}

static batch_t *pop(void) {
  pthread_mutex_lock(&lock);
  while (!stack && producers_left) pthread_cond_wait(&cond, &lock);
  batch_t *b = stack;
  if (b) {
    stack = b->next;
    pending--;
    pthread_cond_broadcast(&cond);
  }
  pthread_mutex_unlock(&lock);
  return b;
}

static void *producer(void *arg) {
  bench_rng_t rng = {(uint64_t)(uintptr_t)arg * 0x9E3779B97F4A7C15ULL + 1};
  for (long i = 0; i < per_producer; i += BATCH) {
    batch_t *b = malloc(sizeof *b);
    if (!b) exit(1);
    b->n = BATCH;
    for (int k = 0; k < BATCH; k++) {
      size_t n = bench_range(&rng, 8, 1024);
      b->block[k] = malloc(n);
      if (!b->block[k]) exit(1);
      b->block[k][0] = (unsigned char)n;
      b->block[k][n - 1] = (unsigned char)k;
    }
    push(b);
  }
  pthread_mutex_lock(&lock);
  producers_left--;
  pthread_cond_broadcast(&cond);
  pthread_mutex_unlock(&lock);
  return NULL;
}

// The sum stays local until the end: the consumers' sums are neighbours in
// one array, and a store to one per block (or per batch, as gcc -O2 made
// it) makes the cores pass that line back and forth.
static void *consumer(void *arg) {
  uint64_t *sum = arg, s = 0;
  batch_t *b;
  while ((b = pop())) {
    for (int k = 0; k < b->n; k++) {
      s += b->block[k][0];
      free(b->block[k]);
    }
    free(b);
  }
  *sum = s;
  return NULL;
}

int main(int argc, char **argv) {
  per_producer = bench_arg(argc, argv, 1, 1000000);
  long pairs = bench_arg(argc, argv, 2, 4);
  if (pairs < 1 || pairs > 32 || per_producer < 1) return 1;
  pthread_t p[32], c[32];
  uint64_t sums[32] = {0};
  producers_left = pairs;
  for (long j = 0; j < pairs; j++) {
    if (pthread_create(&c[j], NULL, consumer, &sums[j])) return 1;
    if (pthread_create(&p[j], NULL, producer, (void *)(uintptr_t)(j + 1))) return 1;
  }
  uint64_t sum = 0;
  for (long j = 0; j < pairs; j++) pthread_join(p[j], NULL);
  for (long j = 0; j < pairs; j++) {
    pthread_join(c[j], NULL);
    sum += sums[j];
  }
  printf("xmalloc blocks=%ld pairs=%ld sum=%llu\n", per_producer, pairs,
         (unsigned long long)sum);
  return 0;
}
