//===- prodcons.c - producer/consumer with cross-thread free --------------===//
//
// Part of escape.  A producer thread allocates messages and passes them
// through a single-producer single-consumer ring to a consumer thread that
// reads and frees them: every free is remote, the case thread caches handle
// worst.  The main thread is the consumer.
// Usage: prodcons [messages=3000000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

enum { RING = 4096 };

typedef struct ring_s {
  _Alignas(64) _Atomic size_t head;  // next slot the producer writes
  _Alignas(64) _Atomic size_t tail;  // next slot the consumer reads
  _Alignas(64) unsigned char *slot[RING];
} ring_t;

static ring_t ring;
static long messages;

static void *producer(void *arg) {
  (void)arg;
  bench_rng_t rng = {0x94D049BB133111EBULL};
  size_t head = 0;
  for (long i = 0; i < messages; i++) {
    size_t n = bench_range(&rng, 16, 512);
    unsigned char *m = malloc(n);
    if (!m) return NULL;
    m[0] = (unsigned char)n;
    m[n - 1] = (unsigned char)i;
    while (head - atomic_load_explicit(&ring.tail, memory_order_acquire) >= RING)
      sched_yield();
    ring.slot[head % RING] = m;
    atomic_store_explicit(&ring.head, ++head, memory_order_release);
  }
  return NULL;
}

int main(int argc, char **argv) {
  messages = bench_arg(argc, argv, 1, 3000000);
  pthread_t t;
  if (pthread_create(&t, NULL, producer, NULL) != 0) return 1;
  uint64_t sum = 0;
  size_t tail = 0;
  for (long i = 0; i < messages; i++) {
    while (atomic_load_explicit(&ring.head, memory_order_acquire) == tail)
      sched_yield();
    unsigned char *m = ring.slot[tail % RING];
    atomic_store_explicit(&ring.tail, ++tail, memory_order_release);
    sum += m[0];
    free(m);
  }
  pthread_join(t, NULL);
  printf("prodcons messages=%ld sum=%llu\n", messages, (unsigned long long)sum);
  return 0;
}
