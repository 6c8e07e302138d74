//===- test-stress.c - multi-thread stress with cross-thread frees --------===//
//
// Part of escape.  Four threads swap blocks of random sizes (8 bytes to
// 2 MiB, mostly small) through a shared table of atomic slots, so most
// frees happen on another thread than the allocation.  Every block carries
// its size and a pattern, checked before it is freed.  Then a producer /
// consumer pair, and threads that exit with full caches.  A few seconds.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { THREADS = 4, SLOTS = 4096, STEPS = 400000 };

static _Atomic(uintptr_t) slots[SLOTS];
static atomic_int corrupt;

static uint64_t rnd(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static size_t pick_size(uint64_t *s) {
  uint64_t r = rnd(s);
  switch (r % 100) {
  case 0: return 32768 + r % (2u << 20);   // large and huge
  case 1: case 2: case 3: return 1024 + r % 31744;
  default: return 16 + r % 240;  // room for the size word and a tail byte
  }
}

// make allocates n >= 8 bytes holding n and a pattern derived from tag.
static void *make(size_t n, uint64_t tag) {
  unsigned char *p = malloc(n);
  if (!p) return NULL;
  memcpy(p, &n, sizeof n);
  unsigned char b = (unsigned char)(tag | 1);
  for (size_t i = sizeof n; i < n && i < 256; i++) p[i] = b;
  p[n - 1] = b;
  return p;
}

static void check_and_free(unsigned char *p) {
  if (!p) return;
  size_t n;
  memcpy(&n, p, sizeof n);
  unsigned char b = p[n - 1];
  bool bad = esc_usable_size(p) < n || !(b & 1);
  for (size_t i = sizeof n; i < n && i < 256; i++) bad |= p[i] != b;
  if (bad) atomic_fetch_add(&corrupt, 1);
  free(p);
}

static void *swapper(void *arg) {
  uint64_t s = (uint64_t)(uintptr_t)arg * 0x9E3779B97F4A7C15ull + 1;
  for (int i = 0; i < STEPS; i++) {
    size_t k = rnd(&s) % SLOTS;
    void *p = make(pick_size(&s), rnd(&s));
    if (!p) {
      atomic_fetch_add(&corrupt, 1000);
      break;
    }
    check_and_free((void *)atomic_exchange(&slots[k], (uintptr_t)p));
  }
  return NULL;
}

// A bounded single-producer single-consumer ring: every block is freed by
// the thread that did not allocate it.
enum { RING = 1024, ITEMS = 1000000 };
static _Atomic(uintptr_t) ring[RING];

static void *producer(void *arg) {
  (void)arg;
  uint64_t s = 7;
  for (int i = 0; i < ITEMS; i++) {
    void *p = make(16 + rnd(&s) % 112, (uint64_t)i);
    uintptr_t expected = 0;
    while (!atomic_compare_exchange_weak(&ring[i % RING], &expected, (uintptr_t)p)) {
      expected = 0;
      sched_yield();
    }
  }
  return NULL;
}

static void *consumer(void *arg) {
  (void)arg;
  for (int i = 0; i < ITEMS; i++) {
    uintptr_t p;
    while ((p = atomic_exchange(&ring[i % RING], 0)) == 0) sched_yield();
    check_and_free((void *)p);
  }
  return NULL;
}

static void *exit_with_full_cache(void *arg) {
  (void)arg;
  void *v[512];
  for (int i = 0; i < 512; i++) v[i] = malloc(16 + (size_t)(i % 32) * 16);
  for (int i = 0; i < 512; i++) free(v[i]);
  return NULL;
}

int main(void) {
  CHECK_BODY("four threads swap blocks; cross-thread frees keep every byte") {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
      EXPECT(pthread_create(&t[i], NULL, swapper, (void *)(uintptr_t)(i + 1)) == 0);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    for (int k = 0; k < SLOTS; k++) check_and_free((void *)atomic_exchange(&slots[k], 0));
    EXPECT(atomic_load(&corrupt) == 0);
  }
  CHECK_BODY("producer/consumer: every block freed on the other thread") {
    pthread_t a, b;
    pthread_create(&a, NULL, producer, NULL);
    pthread_create(&b, NULL, consumer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    EXPECT(atomic_load(&corrupt) == 0);
  }
  CHECK_BODY("thread exit returns the cache to the central lists") {
    esc_stats_t before, after;
    esc_stats_get(&before);
    for (int round = 0; round < 20; round++) {
      pthread_t t;
      pthread_create(&t, NULL, exit_with_full_cache, NULL);
      pthread_join(t, NULL);
    }
    esc_stats_get(&after);
    // Each exiting thread hands back its cached objects, one batch per
    // class it used (sizes 16..512 by 16 fall in 32 classes); without the
    // exit hook nothing would be flushed.
    fprintf(stderr, " [flushes %llu -> %llu]", (unsigned long long)before.central_flushes, (unsigned long long)after.central_flushes);
    EXPECT(after.central_flushes >= before.central_flushes + 20 * 32);
    // And the memory is reused: twenty threads need no more segments.
    EXPECT(after.segments <= before.segments + 1);
  }
  CHECK_BODY("everything freed: collect releases to a few segments") {
    esc_collect();
    esc_stats_t s;
    esc_stats_get(&s);
    EXPECT(s.huge_bytes == 0);
    EXPECT(s.committed_bytes < ((uint64_t)16 << 20));
  }
  return test_summary();
}
