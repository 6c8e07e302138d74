//===- test-counters.c - batch counters of live and exited threads -------===//
//
// Part of escape.  Each thread counts the central batches it takes and
// hands back in its own cache; esc_stats_get adds the live threads' counts
// to those of the threads that exited.  A worker moves a known number of
// batches, then waits alive while the main thread reads the totals (they
// must include its batches), then exits (the totals must neither drop nor
// count its batches twice).
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

enum { ROUNDS = 200, OBJS = 600 };

static atomic_int stage;

static void *worker(void *arg) {
  (void)arg;
  // 600 objects of 64 bytes allocated and freed per round: each round
  // takes and hands back several batches.
  static void *objs[OBJS];
  for (int r = 0; r < ROUNDS; r++) {
    for (int i = 0; i < OBJS; i++) objs[i] = esc_malloc(64);
    for (int i = 0; i < OBJS; i++) esc_free(objs[i]);
  }
  atomic_store(&stage, 1);
  while (atomic_load(&stage) != 2) {
  }
  return NULL;
}

static void totals(uint64_t *refills, uint64_t *flushes) {
  esc_stats_t st;
  esc_stats_get(&st);
  *refills = st.central_refills;
  *flushes = st.central_flushes;
}

int main(void) {
  uint64_t r0, f0, r1, f1, r2, f2;
  esc_free(esc_malloc(16)); // the main thread's cache exists
  totals(&r0, &f0);
  pthread_t t;
  if (pthread_create(&t, NULL, worker, NULL) != 0) return 2;
  while (atomic_load(&stage) != 1) {
  }
  totals(&r1, &f1);
  atomic_store(&stage, 2);
  pthread_join(t, NULL);
  totals(&r2, &f2);
  fprintf(stderr, "refills %llu -> %llu -> %llu, flushes %llu -> %llu -> %llu\n",
          (unsigned long long)r0, (unsigned long long)r1, (unsigned long long)r2,
          (unsigned long long)f0, (unsigned long long)f1, (unsigned long long)f2);
  CHECK_BODY("a live thread's batches are in the totals") {
    // Each of the 200 rounds refills and flushes at least once.
    EXPECT(r1 >= r0 + ROUNDS);
    EXPECT(f1 >= f0 + ROUNDS);
  }
  CHECK_BODY("an exited thread's batches count once") {
    // At exit the worker hands its cache back (a few more flushes) and its
    // counts move to the totals: counted twice, they would grow by at
    // least another ROUNDS; lost, they would drop.
    EXPECT(r2 >= r1 && r2 < r1 + ROUNDS);
    EXPECT(f2 >= f1 && f2 < f1 + ROUNDS);
  }
  return test_summary();
}
