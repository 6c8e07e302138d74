//===- test-refill.c - what one refill of a thread's bin hands over -------===//
//
// Part of escape.  A refill from the central lists carves fresh objects in
// address order and at most 4 KiB of them, so a program that fills what it
// allocates writes forward through memory whose links are still cached.
// A span whose freed objects fit in the bin's budget hands them over whole,
// in one refill, without a walk of its free list.  The refill boundaries
// are read from the runtime's refill counter.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <pthread.h>
#include <stdint.h>

static uint64_t refills(void) {
  esc_stats_t st;
  esc_stats_get(&st);
  return st.central_refills;
}

// Fresh 176-byte objects (a class nothing else here uses): each refill's
// run is ascending, one object apart, and no longer than 4096 / 176 = 23
// objects (the bin's budget would allow 46).
enum { FRESH = 600, FRESH_SIZE = 176 };
static void *fresh[FRESH];
static int fresh_longest, fresh_runs, fresh_bad_step;

static void *fresh_thread(void *arg) {
  (void)arg;
  esc_free(esc_malloc(1000)); // the thread's cache, on another class
  uint64_t seen = refills();
  int run = 0;
  for (int i = 0; i < FRESH; i++) {
    fresh[i] = esc_malloc(FRESH_SIZE);
    uint64_t now = refills();
    if (now != seen) {
      seen = now;
      fresh_runs++;
      run = 0;
    } else if ((uintptr_t)fresh[i] != (uintptr_t)fresh[i - 1] + FRESH_SIZE) {
      fresh_bad_step++;
    }
    if (++run > fresh_longest) fresh_longest = run;
  }
  for (int i = 0; i < FRESH; i++) esc_free(fresh[i]);
  esc_thread_done();
  return NULL;
}

// A 112-byte class: 73 objects to a span of one 8 KiB page.  60 objects
// of a span go back to it; the next 60 allocations come from that span in
// one refill (the bin starts a refill at 8 objects).
enum { ALLOC = 300, SPAN_BYTES = 8192, SPAN_OBJS = SPAN_BYTES / 112, BACK = 60, WHOLE_SIZE = 112 };
static void *whole[ALLOC];
static int whole_in_span, whole_refills, whole_back;

static bool owned(uintptr_t p) {
  for (int i = 0; i < ALLOC; i++)
    if ((uintptr_t)whole[i] == p) return true;
  return false;
}

static void *whole_thread(void *arg) {
  (void)arg;
  esc_free(esc_malloc(1000));
  for (int i = 0; i < ALLOC; i++) whole[i] = esc_malloc(WHOLE_SIZE);
  // A span all of whose objects this thread holds: it starts on a page.
  uintptr_t span_lo = 0;
  for (int i = 0; i < ALLOC && !span_lo; i++) {
    uintptr_t p = (uintptr_t)whole[i];
    if (p % SPAN_BYTES) continue;
    bool all = true;
    for (int k = 0; k < SPAN_OBJS && all; k++) all = owned(p + (uintptr_t)k * WHOLE_SIZE);
    if (all) span_lo = p;
  }
  uintptr_t span_hi = span_lo + SPAN_BYTES;
  esc_thread_done(); // objects carved but not handed out go back first
  for (int i = 0; i < ALLOC && whole_back < BACK; i++)
    if ((uintptr_t)whole[i] >= span_lo && (uintptr_t)whole[i] < span_hi) {
      esc_free(whole[i]);
      whole[i] = NULL;
      whole_back++;
    }
  esc_thread_done(); // the bin's objects go back to their spans
  uint64_t before = refills();
  void *again[BACK];
  for (int i = 0; i < BACK; i++) {
    again[i] = esc_malloc(WHOLE_SIZE);
    if ((uintptr_t)again[i] >= span_lo && (uintptr_t)again[i] < span_hi) whole_in_span++;
  }
  whole_refills = (int)(refills() - before);
  for (int i = 0; i < BACK; i++) esc_free(again[i]);
  for (int i = 0; i < ALLOC; i++) esc_free(whole[i]);
  esc_thread_done();
  return NULL;
}

static void run(void *(*fn)(void *)) {
  pthread_t t;
  if (pthread_create(&t, NULL, fn, NULL) != 0 || pthread_join(t, NULL) != 0) {
    fprintf(stderr, "pthread failed\n");
    exit(1);
  }
}

int main(void) {
  run(fresh_thread);
  CHECK_BODY("fresh objects: ascending, at most 4 KiB a refill") {
    EXPECT(fresh_bad_step == 0);
    EXPECT(fresh_longest <= 4096 / FRESH_SIZE);
    EXPECT(fresh_longest >= 4096 / FRESH_SIZE / 2);
    EXPECT(fresh_runs >= FRESH / (4096 / FRESH_SIZE));
    if (!result)
      fprintf(stderr, "\n  runs %d, longest %d, steps not +%d: %d", fresh_runs, fresh_longest,
              FRESH_SIZE, fresh_bad_step);
  }
  run(whole_thread);
  CHECK_BODY("a span's freed objects: one refill") {
    EXPECT(whole_back == BACK);
    EXPECT(whole_in_span == BACK);
    EXPECT(whole_refills == 1);
    if (!result) fprintf(stderr, "\n  in span %d of %d, refills %d", whole_in_span, BACK, whole_refills);
  }
  return test_summary();
}
