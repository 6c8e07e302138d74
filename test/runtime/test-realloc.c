//===- test-realloc.c - realloc growth: in place, and without holes -------===//
//
// Part of escape.  A large block grows in place into the free pages after
// it, keeps its contents, and moves (intact) when its neighbour is taken.
// Buffers that grow together by small appends, as string builders do, keep
// the committed memory close to what they hold.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "testhelper.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE 8192

static bool filled(const unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != v) return false;
  return true;
}

static void test_in_place(void) {
  CHECK_BODY("a large block grows in place into free pages after it") {
    unsigned char *p = esc_malloc(40000);
    EXPECT(p != NULL);
    memset(p, 0x5a, 40000);
    unsigned char *q = esc_realloc(p, 90000);
    EXPECT(q == p);
    EXPECT(esc_usable_size(q) >= 90000);
    EXPECT(filled(q, 40000, 0x5a));
    esc_free(q);
  }
  CHECK_BODY("a large block whose neighbour is taken moves with its contents") {
    unsigned char *p = esc_malloc(40000);
    unsigned char *b = esc_malloc(40000);
    EXPECT(p && b);
    memset(p, 0x33, 40000);
    size_t span = (esc_usable_size(p) + PAGE - 1) / PAGE * PAGE;
    bool adjacent = (uintptr_t)b == (uintptr_t)p + span;
    unsigned char *q = esc_realloc(p, 300000);
    EXPECT(q != NULL);
    if (adjacent) EXPECT(q != p);
    EXPECT(filled(q, 40000, 0x33));
    esc_free(q);
    esc_free(b);
  }
  CHECK_BODY("shrinking a large block to a small size gives the pages back") {
    unsigned char *p = esc_malloc(200000);
    memset(p, 0x11, 200000);
    unsigned char *q = esc_realloc(p, 100);
    EXPECT(q != NULL && esc_usable_size(q) < 200000);
    EXPECT(filled(q, 100, 0x11));
    esc_free(q);
  }
}

enum { NBUF = 32, TARGET = 60000 };

// grow_together appends 1-48 bytes to each buffer in turn until all hold
// TARGET bytes; returns the committed peak seen over it.
static uint64_t grow_together(unsigned char **bufs, size_t *lens) {
  uint64_t seed = 88172645463325252ull;
  for (int done = 0; !done;) {
    done = 1;
    for (int k = 0; k < NBUF; k++) {
      if (lens[k] >= TARGET) continue;
      done = 0;
      seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
      size_t n = lens[k] + 1 + seed % 48;
      unsigned char *q = esc_realloc(bufs[k], n);
      if (!q) return UINT64_MAX;
      memset(q + lens[k], k, n - lens[k]);
      bufs[k] = q;
      lens[k] = n;
    }
  }
  esc_stats_t st;
  esc_stats_get(&st);
  return st.committed_peak;
}

static void test_growth_footprint(void) {
  CHECK_BODY("buffers growing together commit at most twice what they hold") {
    unsigned char *bufs[NBUF] = {0};
    size_t lens[NBUF] = {0};
    esc_collect();
    esc_stats_t st;
    esc_stats_get(&st);
    uint64_t base = st.committed_bytes;
    uint64_t peak = grow_together(bufs, lens);
    EXPECT(peak != UINT64_MAX);
    size_t held = 0;
    for (int k = 0; k < NBUF; k++) {
      EXPECT(filled(bufs[k], lens[k], (unsigned char)k));
      held += lens[k];
      esc_free(bufs[k]);
    }
    fprintf(stderr, " (held %zu KiB, committed peak %llu KiB above the start)", held >> 10,
            (unsigned long long)((peak - base) >> 10));
    EXPECT(peak - base <= 2 * held);
  }
}

// vm_hwm_kib reads the process's peak resident set (VmHWM) in KiB.
static long vm_hwm_kib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kib = -1;
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, "VmHWM:", 6) == 0) kib = strtol(line + 6, NULL, 10);
  if (f) fclose(f);
  return kib;
}

static void test_paged_growth(void) {
  CHECK_BODY("a buffer appended to past 4 KiB gets a span of its own with slack") {
    unsigned char *p = esc_malloc(4000);
    EXPECT(p != NULL);
    memset(p, 0x21, 4000);
    unsigned char *q = esc_realloc(p, 4100);
    EXPECT(q != NULL && filled(q, 4000, 0x21));
    EXPECT(esc_usable_size(q) >= 4100 + 4100 / 4);
    // The next small steps fit without moving.
    unsigned char *r = esc_realloc(q, 5000);
    EXPECT(r == q);
    esc_free(r);
  }
  CHECK_BODY("a buffer that doubles gets the size it asks for") {
    unsigned char *p = esc_malloc(8192);
    EXPECT(p != NULL);
    memset(p, 0x22, 8192);
    unsigned char *q = esc_realloc(p, 16384);
    EXPECT(q != NULL && filled(q, 8192, 0x22));
    fprintf(stderr, " (usable %zu)", esc_usable_size(q));
    EXPECT(esc_usable_size(q) >= 16384 && esc_usable_size(q) < 16384 + PAGE);
    esc_free(q);
  }
}

static void test_huge_move(void) {
  CHECK_BODY("a huge block whose neighbour is taken moves without a copy") {
    enum { MIB = 1 << 20 };
    size_t n = 32 * (size_t)MIB;
    unsigned char *p = esc_malloc(n);
    EXPECT(p != NULL);
    memset(p, 0x6b, n);
    // Take the address range right after the block, so it cannot grow in
    // place; the mapping ends at the block's usable end.
    char *end = (char *)p + esc_usable_size(p);
    void *wall = mmap(end, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                      -1, 0);
    EXPECT(wall == end);
    long before = vm_hwm_kib();
    unsigned char *q = esc_realloc(p, 2 * n);
    long after = vm_hwm_kib();
    EXPECT(q != NULL && q != p);
    EXPECT(esc_usable_size(q) >= 2 * n);
    EXPECT(filled(q, n, 0x6b));
    // A copy would have held both 32 MiB blocks at once.
    fprintf(stderr, " (peak grew by %ld KiB)", after - before);
    EXPECT(before > 0 && after - before < 8 * 1024);
    memset(q + n, 0x6c, n);
    EXPECT(filled(q + n, n, 0x6c));
    // The moved block still resolves to its header: shrink it and free it.
    unsigned char *r = esc_realloc(q, 3 * (size_t)MIB);
    EXPECT(r == q && filled(r, 3 * (size_t)MIB, 0x6b));
    esc_free(r);
    if (wall != MAP_FAILED) munmap(wall, 4096);
  }
}

// A buffer grown by realloc and freed once per call, as a token array is:
// each call's blocks come back for the next call, and the heap does not
// grow with the calls.  Before, the block the last realloc took came from
// the class's spans while its free went to the thread cache: 5,000 calls
// left 64 batches of such blocks in the transfer slots and grew the spans.
static void test_grow_and_free_per_call(void) {
  CHECK_BODY("a buffer grown and freed per call reuses its blocks") {
    esc_collect();
    esc_stats_t st;
    esc_stats_get(&st);
    uint64_t base = st.committed_bytes;
    for (int call = 0; call < 5000; call++) {
      unsigned char *b = esc_malloc(16);
      EXPECT(b != NULL);
      for (size_t n = 32; n <= 2048 && b; n *= 2) {
        b = esc_realloc(b, n);
        if (b) b[n - 1] = (unsigned char)call;
      }
      EXPECT(b != NULL);
      esc_free(b);
    }
    esc_stats_get(&st);
    fprintf(stderr, " (committed %lld KiB above the start)", (long long)(st.committed_bytes - base) / 1024);
    EXPECT(st.committed_bytes <= base + 128 * 1024);  // a span per class: 576 KiB before
  }
}

// A realloc that succeeds leaves errno alone, as glibc's does, even when
// its first try (mremap growing a huge block in place) failed because the
// next pages were taken: libarchive reads errno after a failed charset
// conversion and took the stale ENOMEM as fatal.  Two huge blocks grow in
// turn, so each one's neighbour is usually the other.
static void test_errno_kept(void) {
  CHECK_BODY("a successful realloc leaves errno as it was") {
    size_t n = (size_t)2 << 20;
    char *a = esc_malloc(n), *b = esc_malloc(n);
    EXPECT(a && b);
    if (!a || !b) break;
    memset(a, 1, n);
    int kept = 0, rounds = 8;
    for (int i = 0; i < rounds; i++) {
      n += n / 2;
      errno = EILSEQ;
      char *c = esc_realloc(a, n);
      EXPECT(c != NULL);
      if (!c) break;
      a = c;
      kept += errno == EILSEQ;
      errno = EILSEQ;
      c = esc_realloc(b, n);
      EXPECT(c != NULL);
      if (!c) break;
      b = c;
      kept += errno == EILSEQ;
    }
    fprintf(stderr, " (errno kept by %d of %d)", kept, 2 * rounds);
    EXPECT(kept == 2 * rounds);
    EXPECT(a[0] == 1);
    errno = EILSEQ;
    esc_free(a);
    esc_free(b);
    esc_collect();
    EXPECT(errno == EILSEQ);
  }
}

int main(void) {
  test_in_place();
  test_paged_growth();
  test_growth_footprint();
  test_huge_move();
  test_grow_and_free_per_call();
  // Last: its huge blocks raise the committed peak the checks above read.
  test_errno_kept();
  return test_summary();
}
