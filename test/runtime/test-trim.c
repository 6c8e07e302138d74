//===- test-trim.c - idle thread caches are flushed ------------------------===//
//
// Part of escape.  A thread fills its cache with freed objects of many
// classes, then idles with only an occasional fast-path malloc/free, as a
// quiet server does.  The scavenger must have the cache handed back to the
// central lists (counted as central flushes) without the thread asking.
//
//===----------------------------------------------------------------------===//
#define _POSIX_C_SOURCE 200809L
#include "escape.h"
#include "testhelper.h"

#include <stdint.h>
#include <time.h>

enum { CLASSES = 24, PER_CLASS = 8 };

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

static uint64_t flushes(void) {
  esc_stats_t st;
  esc_stats_get(&st);
  return st.central_flushes;
}

int main(void) {
  // Large blocks freed start the scavenger (it runs once there is more than
  // a MiB to release).
  void *big[8];
  for (int i = 0; i < 8; i++) big[i] = esc_malloc(200000);
  for (int i = 0; i < 8; i++) esc_free(big[i]);
  void *objs[CLASSES][PER_CLASS];
  for (int c = 0; c < CLASSES; c++)
    for (int i = 0; i < PER_CLASS; i++) objs[c][i] = esc_malloc(48 + (size_t)c * 96);
  for (int c = 0; c < CLASSES; c++)
    for (int i = 0; i < PER_CLASS; i++) esc_free(objs[c][i]);
  uint64_t before = flushes();
  for (int t = 0; t < 60; t++) {
    sleep_ms(20);
    esc_free(esc_malloc(64));
  }
  uint64_t after = flushes();
  CHECK_BODY("an idle thread's cache goes back to the central lists") {
    fprintf(stderr, " (%llu flushes while idle)", (unsigned long long)(after - before));
    EXPECT(after - before >= CLASSES);
  }
  return test_summary();
}
