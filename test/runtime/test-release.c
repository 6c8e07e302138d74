//===- test-release.c - how much free memory the runtime keeps resident --===//
//
// Part of escape.  The page heap keeps at most ESCAPE_RT_FREE_KEEP bytes
// of free pages resident even when the release delay has not passed (here
// it does not pass: the test runs with a 100 s ESCAPE_RT_RELEASE_DELAY and no
// background thread, so only the keep limit can release anything).  A
// small amount of free memory does not start the background thread.  A
// class a thread uses once holds a few objects in its cache, not a batch,
// and a bin that only frees holds at most a batch.  calloc leaves fresh
// pages of a large block untouched.  Released pages that are soon taken
// again raise the keep limit, to the whole heap when the free pages ran out
// (a program in phases).
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/internal.h"
#include "testhelper.h"

#include <dirent.h>
#include <pthread.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int threads(void) {
  DIR *d = opendir("/proc/self/task");
  int n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    if (e->d_name[0] != '.') n++;
  if (d) closedir(d);
  return n;
}

static esc_stats_t stats(void) {
  esc_stats_t st;
  esc_stats_get(&st);
  return st;
}

static uint64_t committed(void) { return stats().committed_bytes; }
static uint64_t released(void) { return stats().released_bytes; }
static uint64_t spans_allocated(void) { return stats().spans_allocated; }

static void test_keep(void) {
  enum { N = 48, SIZE = 200000 };
  CHECK_BODY("freed pages beyond the keep limit go back at once") {
    void *p[N];
    uint64_t before = committed();
    for (int i = 0; i < N; i++) {
      p[i] = esc_malloc(SIZE);
      EXPECT(p[i] != NULL);
      if (p[i]) memset(p[i], 1, SIZE);
    }
    uint64_t full = committed();
    for (int i = 0; i < N; i++) esc_free(p[i]);
    uint64_t after = committed();
    fprintf(stderr, " (committed %llu KiB, full %llu KiB, after %llu KiB)",
            (unsigned long long)(before >> 10), (unsigned long long)(full >> 10),
            (unsigned long long)(after >> 10));
    EXPECT(full - before >= (uint64_t)N * SIZE);
    // 1 MiB keep in this test: at most that much stays, plus slack for the
    // spans a free lands next to.
    EXPECT(after <= before + (1u << 20) + (64u << 10));
  }
  CHECK("a few hundred KiB of free pages start no background thread", threads() == 1);
}

// Large blocks replaced at random in a working set 19 times the keep
// limit: pages the limit releases are soon taken again, which raises the
// limit, so after a warm-up most replacements reuse resident pages.
static void test_refault(void) {
  enum { LIVE = 96, STEPS = 2000 };
  CHECK_BODY("pages released and soon taken again raise the keep limit") {
    void *p[LIVE];
    uint64_t r = 12345, warm = 0;
    for (int i = 0; i < LIVE; i++) p[i] = esc_malloc(200000);
    for (int step = 0; step < STEPS; step++) {
      if (step == STEPS / 2) warm = released();
      r = r * 6364136223846793005ULL + 1442695040888963407ULL;
      int k = (int)((r >> 33) % LIVE);
      size_t n = 150000 + (size_t)((r >> 20) % 100000);
      esc_free(p[k]);
      p[k] = esc_malloc(n);
      EXPECT(p[k] != NULL);
      if (!p[k]) break;
      memset(p[k], 1, 4096);
      ((char *)p[k])[n - 1] = 1;
    }
    uint64_t late = released() - warm;
    fprintf(stderr, " (%llu KiB released in the last %d replacements)",
            (unsigned long long)(late >> 10), STEPS / 2);
    // Without the raise, about one replacement in four releases a block.
    EXPECT(late < (uint64_t)STEPS / 2 * 200000 / 20);
    for (int i = 0; i < LIVE; i++) esc_free(p[i]);
  }
}

// A program in phases: it builds a structure, frees all of it and builds
// the next.  Once the first rounds refault what the keep limit released,
// the limit covers the whole structure and later rounds release nothing.
static void test_phases(void) {
  enum { N = 40, SIZE = 150000, ROUNDS = 12 };
  CHECK_BODY("a program that frees everything and allocates it again stops refaulting") {
    void *p[N];
    uint64_t warm = 0;
    for (int round = 0; round < ROUNDS; round++) {
      if (round == ROUNDS / 2) warm = released();
      for (int i = 0; i < N; i++) {
        p[i] = esc_malloc(SIZE);
        EXPECT(p[i] != NULL);
        if (p[i]) memset(p[i], 1, 4096);
      }
      for (int i = 0; i < N; i++) esc_free(p[i]);
    }
    uint64_t late = released() - warm;
    fprintf(stderr, " (%llu KiB released in the last %d rounds of %d KiB)", (unsigned long long)(late >> 10),
            ROUNDS / 2, N * SIZE / 1024);
    EXPECT(late < (uint64_t)N * SIZE / 4);
  }
}

// Small objects allocated and all freed, in rounds: whole batches wait in
// the transfer slots and come back, so after the first round no span is
// emptied and carved again.  Up to the batches a class keeps with no refill
// between them (central.c, ESC_UNCLAIMED_MAX: 8 of 128 objects here).
static void test_transfer_rounds(void) {
  enum { N = 900, ROUNDS = 6 };
  CHECK_BODY("small objects freed and taken back in rounds reuse the transfer slots") {
    static void *p[N];
    uint64_t warm = 0;
    for (int round = 0; round < ROUNDS; round++) {
      if (round == 2) warm = spans_allocated();
      for (int i = 0; i < N; i++) {
        p[i] = esc_malloc(64);
        EXPECT(p[i] != NULL);
        if (p[i]) ((char *)p[i])[0] = 1;
      }
      for (int i = 0; i < N; i++) esc_free(p[i]);
    }
    uint64_t carved = spans_allocated() - warm;
    fprintf(stderr, " (%llu spans carved in the last %d rounds)", (unsigned long long)carved, ROUNDS - 2);
    EXPECT(carved == 0);
  }
}

static void test_slow_start(void) {
  CHECK_BODY("a class used once holds a few objects, not a batch") {
    unsigned cls = esc__class_of(200);
    void *p = esc_malloc(200);
    EXPECT(p != NULL);
    esc_bin_t *bin = &esc__tc.bins[cls];
    fprintf(stderr, " (limit %u of %u)", bin->lim, esc__class_max[cls]);
    EXPECT(bin->lim <= 8 && bin->lim < esc__class_max[cls]);
    esc_free(p);
  }
  CHECK_BODY("a class in steady use grows its cache to the class's budget") {
    unsigned cls = esc__class_of(100);
    void *p[512];
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < 512; i++) p[i] = esc_malloc(100);
      if (round == 3) EXPECT(esc__tc.bins[cls].lim == esc__class_max[cls]);
      for (int i = 0; i < 512; i++) esc_free(p[i]);
    }
  }
}

static void test_free_only(void) {
  CHECK_BODY("a bin that only frees holds at most a batch") {
    unsigned cls = esc__class_of(300);
    void *p[2048];
    for (int i = 0; i < 2048; i++) p[i] = esc_malloc(300);
    for (int i = 0; i < 2048; i++) esc_free(p[i]);
    esc_bin_t *bin = &esc__tc.bins[cls];
    fprintf(stderr, " (limit %u, batch %u, class budget %u)", bin->lim, esc__class_batch[cls],
            esc__class_max[cls]);
    EXPECT(bin->lim <= esc__class_batch[cls]);
  }
}

// A thread that frees what another allocates and never allocates that
// class itself (a consumer) holds at most half a batch and hands it to the
// spans, where the producer takes the objects again: in flight there is
// then little beyond what the program holds (prodcons: peak 3.3 -> 2.7
// MiB, glibc 2.8).  Its objects come from a thread of its own, so the bin
// is fresh.
enum { CONSUMED = 2048 };
static void *consumed[CONSUMED];
static uint32_t consumer_lim;

static void *consume(void *arg) {
  unsigned cls = *(unsigned *)arg;
  for (int i = 0; i < CONSUMED; i++) esc_free(consumed[i]);
  consumer_lim = esc__tc.bins[cls].lim;
  return NULL;
}

static void test_consumer(void) {
  CHECK_BODY("a thread that only frees a class holds at most half a batch") {
    unsigned cls = esc__class_of(1500);
    for (int i = 0; i < CONSUMED; i++) consumed[i] = esc_malloc(1500);
    pthread_t t;
    EXPECT(pthread_create(&t, NULL, consume, &cls) == 0);
    pthread_join(t, NULL);
    uint32_t half = esc__class_batch[cls] < 2 ? esc__class_batch[cls] : esc__class_batch[cls] / 2;
    fprintf(stderr, " (limit %u, batch %u)", consumer_lim, esc__class_batch[cls]);
    EXPECT(consumer_lim <= half);
  }
}

static size_t resident_pages(const void *p, size_t n) {
  size_t page = 4096, pages = n / page, r = 0;
  unsigned char v[256];
  for (size_t off = 0; off < pages; off += sizeof v) {
    size_t k = pages - off < sizeof v ? pages - off : sizeof v;
    if (mincore((char *)p + off * page, k * page, v)) return (size_t)-1;
    for (size_t i = 0; i < k; i++) r += v[i] & 1;
  }
  return r;
}

static void test_calloc_fresh(void) {
  enum { N = 512 * 1024 };
  CHECK_BODY("calloc of a large block on fresh pages leaves them untouched") {
    // Released pages read as zero like fresh ones; release every free page
    // first, so the block cannot land on resident pages the earlier checks
    // freed (whether it would depends on the keep limit's boost).
    esc_collect();
    unsigned char *p = esc_calloc(1, N);
    EXPECT(p != NULL);
    if (!p) break;
    size_t r = resident_pages(p, N);
    fprintf(stderr, " (%zu of %d pages resident)", r, N / 4096);
    EXPECT(r <= 2);
    bool zero = true;
    for (size_t i = 0; i < N; i += 4096) zero &= p[i] == 0 && p[i + 4095] == 0;
    EXPECT(zero);
    memset(p, 0xff, N);
    esc_free(p);
  }
  CHECK_BODY("calloc of a large block on reused pages clears them") {
    unsigned char *p = esc_calloc(1, N);
    EXPECT(p != NULL);
    if (!p) break;
    bool zero = true;
    for (size_t i = 0; i < N; i++) zero &= p[i] == 0;
    EXPECT(zero);
    esc_free(p);
  }
}

int main(int argc, char **argv) {
  static const char *const env[] = {"ESCAPE_RT_RELEASE_DELAY=100000", "ESCAPE_RT_FREE_KEEP=1m",
                                     "ESCAPE_RT_SCAVENGER=1", NULL};
  test_rerun_with(argc, argv, env);
  test_keep();
  test_slow_start();
  test_free_only();
  test_consumer();
  test_calloc_fresh();
  test_refault();
  test_phases();
  test_transfer_rounds();
  return test_summary();
}
