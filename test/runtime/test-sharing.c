//===- test-sharing.c - a handed-over block is not reused at once ---------===//
//
// Part of escape.  A thread that frees a small block another thread
// allocated, and then allocates the same size, must not get that block (or
// a neighbour on the giver's cache lines) back: both threads would then
// write one cache line (passive false sharing, as in the cache-scratch
// benchmark: four threads on 8-byte blocks ran 1.6x slower).  The first
// allocation from a bin its thread never allocated from refills instead.
// The handed-over block is served after the refill's.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <pthread.h>
#include <stdint.h>

enum { GIVEN = 8, SIZE = 8 };
static void *given[GIVEN];
static void *taken;

static bool on_given_line(const void *p) {
  for (int i = 0; i < GIVEN; i++)
    if ((uintptr_t)p / 64 == (uintptr_t)given[i] / 64) return true;
  return false;
}

static void *receiver(void *arg) {
  (void)arg;
  esc_free(given[0]);
  taken = esc_malloc(SIZE);
  return NULL;
}

// The receiver keeps allocating: the block it freed is served later.
enum { LATER = 1024 };
static int later_at;

static void *receiver_later(void *arg) {
  (void)arg;
  static void *p[LATER];
  esc_free(given[0]);
  later_at = -1;
  for (int i = 0; i < LATER; i++) {
    p[i] = esc_malloc(SIZE);
    if (p[i] == given[0] && later_at < 0) later_at = i;
  }
  for (int i = 0; i < LATER; i++) esc_free(p[i]);
  return NULL;
}

int main(void) {
  CHECK_BODY("a freed block of another thread is not the next allocation") {
    for (int i = 0; i < GIVEN; i++) given[i] = esc_malloc(SIZE);
    pthread_t t;
    EXPECT(pthread_create(&t, NULL, receiver, NULL) == 0);
    pthread_join(t, NULL);
    EXPECT(taken != NULL);
    EXPECT(taken != given[0]);
    EXPECT(!on_given_line(taken));
    esc_free(taken);
    for (int i = 1; i < GIVEN; i++) esc_free(given[i]);
  }
  CHECK_BODY("the handed-over block is served later") {
    for (int i = 0; i < GIVEN; i++) given[i] = esc_malloc(SIZE);
    pthread_t t;
    EXPECT(pthread_create(&t, NULL, receiver_later, NULL) == 0);
    pthread_join(t, NULL);
    fprintf(stderr, " (at allocation %d)", later_at);
    EXPECT(later_at > 0);
    for (int i = 1; i < GIVEN; i++) esc_free(given[i]);
  }
  return test_summary();
}
