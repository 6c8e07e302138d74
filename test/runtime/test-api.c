//===- test-api.c - unit tests of escape.h, section by section ------------===//
//
// Part of escape.  Follows the sections of escape.h: the standard
// allocation interface, aligned allocation, object pools (see test-pool.c),
// memory release and threads, statistics, errors; plus the malloc-family
// override this binary is linked with.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "testhelper.h"

#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

// glibc's own allocator, beside the runtime's malloc this test links.
void *__libc_malloc(size_t size);
void __libc_free(void *p);

static bool all_bytes(const unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != v) return false;
  return true;
}

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, resident = 0;
  if (!f) return -1;
  if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = -1;
  fclose(f);
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void test_standard(void) {
  CHECK_BODY("malloc(0) returns a unique freeable block") {
    void *a = esc_malloc(0), *b = esc_malloc(0);
    EXPECT(a && b && a != b);
    esc_free(a);
    esc_free(b);
  }
  CHECK("free(NULL) is a no-op", (esc_free(NULL), true));
  CHECK_BODY("every size up to 64 KiB is writable, 16-aligned, usable >= size") {
    for (size_t n = 1; n <= 65536; n += (n < 1024 ? 1 : n / 16)) {
      unsigned char *p = esc_malloc(n);
      EXPECT(p != NULL);
      if (!p) break;
      EXPECT(((uintptr_t)p & 15) == 0);
      EXPECT(esc_usable_size(p) >= n);
      memset(p, 0xab, n);
      EXPECT(all_bytes(p, n, 0xab));
      esc_free(p);
    }
  }
  CHECK_BODY("blocks of 1 to 64 bytes are all 16-aligned, as glibc's are") {
    // Programs keep tags in the low four bits of malloc'd pointers; an
    // 8-byte class handed out every other block 8-aligned.
    enum { N = 64 };
    void *v[N];
    for (size_t n = 1; n <= 64; n++) {
      for (int i = 0; i < N; i++) {
        v[i] = esc_malloc(n);
        EXPECT(v[i] && ((uintptr_t)v[i] & 15) == 0);
      }
      for (int i = 0; i < N; i++) esc_free(v[i]);
    }
    for (int i = 0; i < N; i++) {
      v[i] = esc_calloc(1, 1 + i % 8);
      EXPECT(v[i] && ((uintptr_t)v[i] & 15) == 0);
    }
    for (int i = 0; i < N; i++) esc_free(v[i]);
  }
  CHECK_BODY("size classes waste at most 12.5% above 128 bytes") {
    for (size_t n = 129; n <= 32768; n++) {
      void *p = esc_malloc(n);
      size_t u = esc_usable_size(p);
      EXPECT(u >= n && (u - n) * 8 <= n);
      esc_free(p);
      if (u < n || (u - n) * 8 > n) break;
    }
  }
  CHECK_BODY("a freed block waits until the blocks cached before it are used") {
    enum { N = 4096 };
    static void *held[N];
    esc_thread_done(); // empty cache: a and b come from one fresh batch
    void *a = esc_malloc(40), *b = esc_malloc(40);
    esc_free(a);
    void *c = esc_malloc(40);
    EXPECT(c != a); // the cache still held blocks from the refill that gave b
    size_t n = 0;
    bool found = c == a;
    while (!found && n < N) found = (held[n++] = esc_malloc(40)) == a;
    EXPECT(found); // ...and a comes back once those are used
    for (size_t i = 0; i < n; i++)
      if (held[i] != a) esc_free(held[i]);
    esc_free(a);
    esc_free(b);
    if (c != a) esc_free(c);
  }
  CHECK_BODY("huge sizes fail with ENOMEM") {
    errno = 0;
    EXPECT(esc_malloc(SIZE_MAX) == NULL && errno == ENOMEM);
    errno = 0;
    EXPECT(esc_malloc(SIZE_MAX / 2) == NULL && errno == ENOMEM);
    errno = 0;
    EXPECT(esc_malloc((size_t)1 << 62) == NULL && errno == ENOMEM);
  }
  CHECK_BODY("a block the machine cannot back fails as glibc's malloc fails") {
    // Twice RAM and swap: Linux's default overcommit heuristic refuses it to
    // glibc's mmap; the runtime must not take it with MAP_NORESERVE.
    struct sysinfo si;
    EXPECT(sysinfo(&si) == 0);
    size_t big = ((size_t)si.totalram + si.totalswap) * si.mem_unit * 2;
    void *g = __libc_malloc(big);
    int glibc_ok = g != NULL;
    __libc_free(g);
    errno = 0;
    void *e = esc_malloc(big);
    int saved = errno;
    EXPECT((e != NULL) == glibc_ok);
    EXPECT(e != NULL || saved == ENOMEM);
    esc_free(e);
    if (glibc_ok) printf("note: this machine overcommits %zu bytes\n", big);
  }
  CHECK_BODY("calloc zeroes, checks overflow") {
    for (size_t n = 1; n < (1u << 22); n *= 3) {
      unsigned char *p = esc_malloc(n);
      memset(p, 0xff, n);
      esc_free(p);
      unsigned char *q = esc_calloc(n, 1);
      EXPECT(q && all_bytes(q, n, 0));
      esc_free(q);
    }
    errno = 0;
    EXPECT(esc_calloc(SIZE_MAX / 2, 3) == NULL && errno == ENOMEM);
    errno = 0;
    EXPECT(esc_calloc((size_t)1 << 33, (size_t)1 << 33) == NULL && errno == ENOMEM);
    void *z = esc_calloc(0, 16);
    EXPECT(z != NULL);
    esc_free(z);
  }
  CHECK_BODY("realloc keeps contents across every tier") {
    size_t sizes[] = {1, 24, 100, 1000, 5000, 40000, 300000, 2u << 20, 9u << 20, 64, 3};
    unsigned char *p = esc_realloc(NULL, 1);
    p[0] = 0x5a;
    size_t have = 1;
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
      size_t n = sizes[i];
      p = esc_realloc(p, n);
      EXPECT(p != NULL);
      if (!p) break;
      size_t keep = have < n ? have : n;
      EXPECT(all_bytes(p, keep, 0x5a));
      memset(p, 0x5a, n);
      have = n;
    }
    esc_free(p);
  }
  CHECK_BODY("realloc(p, 0) frees and returns NULL; realloc(NULL, 0) allocates") {
    void *p = esc_malloc(10);
    EXPECT(esc_realloc(p, 0) == NULL);
    void *q = esc_realloc(NULL, 0);
    EXPECT(q != NULL);
    esc_free(q);
  }
  CHECK_BODY("realloc failure keeps the old block") {
    char *p = esc_malloc(32);
    strcpy(p, "still here");
    errno = 0;
    EXPECT(esc_realloc(p, SIZE_MAX - 4096) == NULL && errno == ENOMEM);
    EXPECT(strcmp(p, "still here") == 0);
    esc_free(p);
  }
  CHECK_BODY("reallocarray checks overflow") {
    void *p = esc_reallocarray(NULL, 10, 10);
    EXPECT(p && esc_usable_size(p) >= 100);
    errno = 0;
    EXPECT(esc_reallocarray(p, SIZE_MAX / 4, 8) == NULL && errno == ENOMEM);
    // A product of 0 is realloc(p, 0), as glibc: p is freed, NULL returned.
    EXPECT(esc_reallocarray(p, 0, 8) == NULL);
    p = esc_reallocarray(NULL, 0, 8);
    EXPECT(p != NULL);
    esc_free(p);
  }
  CHECK_BODY("huge blocks grow in place or move, and shrink") {
    unsigned char *p = esc_malloc(3u << 20);
    memset(p, 7, 3u << 20);
    for (size_t n = 4u << 20; n <= 64u << 20; n += 4u << 20) {
      p = esc_realloc(p, n);
      EXPECT(p && p[0] == 7 && p[(3u << 20) - 1] == 7);
    }
    p = esc_realloc(p, 2u << 20);
    EXPECT(p && p[12345] == 7);
    EXPECT(esc_usable_size(p) >= (2u << 20));
    esc_free(p);
  }
}

static void test_aligned(void) {
  CHECK_BODY("aligned_alloc honours alignments from 1 to 64 MiB") {
    for (size_t a = 1; a <= ((size_t)64 << 20); a *= 2) {
      size_t sizes[] = {1, a / 2 + 1, a, 3 * a + 5, 100000};
      for (int i = 0; i < 5; i++) {
        size_t n = sizes[i];
        if (a > (1u << 20) && n > (1u << 24)) continue;
        unsigned char *p = esc_aligned_alloc(a, n);
        EXPECT(p && ((uintptr_t)p & (a - 1)) == 0);
        if (!p) break;
        EXPECT(esc_usable_size(p) >= n);
        memset(p, 1, n);
        esc_free(p);
      }
    }
  }
  CHECK_BODY("aligned_alloc and memalign round other alignments up, as glibc 2.36") {
    static const size_t ask[] = {0, 3, 12, 24, 48, 100, 3000};
    for (size_t i = 0; i < sizeof ask / sizeof ask[0]; i++) {
      size_t want = 16;
      while (want < ask[i]) want <<= 1;
      unsigned char *p = esc_aligned_alloc(ask[i], 48);
      unsigned char *q = esc_memalign(ask[i], 9);
      EXPECT(p && ((uintptr_t)p & (want - 1)) == 0 && esc_usable_size(p) >= 48);
      EXPECT(q && ((uintptr_t)q & (want - 1)) == 0 && esc_usable_size(q) >= 9);
      if (p) memset(p, 1, 48);
      if (q) memset(q, 1, 9);
      esc_free(p);
      esc_free(q);
    }
    errno = 0;
    EXPECT(esc_aligned_alloc(SIZE_MAX / 2 + 2, 48) == NULL && errno == EINVAL);
  }
  CHECK_BODY("posix_memalign returns codes and keeps *out on failure") {
    void *out = (void *)0x1234, *p = NULL;
    EXPECT(esc_posix_memalign(&out, 12, 8) == EINVAL && out == (void *)0x1234);
    EXPECT(esc_posix_memalign(&out, 4, 8) == EINVAL && out == (void *)0x1234);
    EXPECT(esc_posix_memalign(&out, 64, SIZE_MAX - 10) == ENOMEM && out == (void *)0x1234);
    EXPECT(esc_posix_memalign(&p, 65536, 70000) == 0 && ((uintptr_t)p & 65535) == 0);
    esc_free(p);
  }
  CHECK_BODY("valloc and pvalloc are page aligned; pvalloc rounds up") {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    void *v = esc_valloc(10), *pv = esc_pvalloc(page + 1);
    EXPECT(v && ((uintptr_t)v & (page - 1)) == 0);
    EXPECT(pv && ((uintptr_t)pv & (page - 1)) == 0 && esc_usable_size(pv) >= 2 * page);
    esc_free(v);
    esc_free(pv);
  }
}

static void test_release(void) {
  CHECK_BODY("esc_collect returns a burst's pages to the OS") {
    enum { N = 40000 };
    static void *v[N];
    esc_collect();
    long before = rss_kb();
    for (int i = 0; i < N; i++) {
      v[i] = esc_malloc(64 + (size_t)(i % 64) * 64);
      memset(v[i], 1, 64);
    }
    long peak = rss_kb();
    for (int i = 0; i < N; i++) esc_free(v[i]);
    esc_collect();
    long after = rss_kb();
    fprintf(stderr, " [rss kb before=%ld peak=%ld after=%ld]", before, peak, after);
    EXPECT(peak > before + 20000);
    EXPECT(after <= before + before / 10 + 512);
  }
  CHECK_BODY("esc_thread_done flushes this thread's cache and allocation goes on") {
    esc_stats_t a, b;
    void *p[200];
    for (int i = 0; i < 200; i++) p[i] = esc_malloc(48);
    for (int i = 0; i < 200; i++) esc_free(p[i]);
    esc_stats_get(&a);
    esc_thread_done();
    esc_stats_get(&b);
    EXPECT(b.central_flushes > a.central_flushes);
    void *q = esc_malloc(48);
    EXPECT(q != NULL);
    esc_free(q);
  }
}

static void test_stats(void) {
  CHECK_BODY("stats count segments, spans and huge blocks") {
    esc_stats_t s, t;
    EXPECT(esc_stats_get(NULL) == EINVAL);
    esc_stats_get(&s);
    void *h = esc_malloc(5u << 20);
    esc_stats_get(&t);
    EXPECT(t.segments >= 1 && t.spans_allocated >= 1);
    EXPECT(t.huge_allocs == s.huge_allocs + 1);
    EXPECT(t.huge_bytes >= s.huge_bytes + (5u << 20));
    EXPECT(t.committed_peak >= t.committed_bytes);
    esc_free(h);
    esc_stats_get(&t);
    EXPECT(t.huge_bytes == s.huge_bytes);
  }
  CHECK_BODY("esc_stats_print writes a report") {
    int fds[2];
    EXPECT(pipe(fds) == 0);
    EXPECT(esc_stats_print(fds[1]) == 0);
    close(fds[1]);
    char buf[2048] = {0};
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    EXPECT(n > 0 && strstr(buf, "escape-rt statistics:") && strstr(buf, "segments"));
  }
  CHECK_BODY("esc_stats_print_classes lists the classes in use") {
    enum { N = 300 };
    void *keep[N];
    for (int i = 0; i < N; i++) keep[i] = esc_malloc(200);  // the 208-byte class
    void *big = esc_malloc(100000);
    int fds[2];
    EXPECT(pipe(fds) == 0);
    EXPECT(esc_stats_print_classes(fds[1]) == 0);
    close(fds[1]);
    char buf[16384] = {0};
    size_t got = 0;
    for (ssize_t n; got < sizeof buf - 1 && (n = read(fds[0], buf + got, sizeof buf - 1 - got)) > 0;)
      got += (size_t)n;
    close(fds[0]);
    unsigned long spans = 0, pages = 0, carved = 0, out = 0;
    const char *row = strstr(buf, "\n    208 ");
    EXPECT(strstr(buf, "escape-rt size classes:") != NULL);
    EXPECT(row && sscanf(row, " 208 %lu %lu %lu %lu", &spans, &pages, &carved, &out) == 4);
    fprintf(stderr, " (208: %lu spans, %lu pages, %lu carved, %lu out)", spans, pages, carved, out);
    EXPECT(out >= N && carved >= out && pages * 8192 >= carved * 208);
    EXPECT(strstr(buf, "\n  large ") != NULL);
    for (int i = 0; i < N; i++) esc_free(keep[i]);
    esc_free(big);
  }
  CHECK("esc_profile_write is EINVAL when profiling is off",
        esc_profile_write("/tmp/never-written.heap") == EINVAL);
}

static int error_calls, error_code;
static void on_error(int err, void *arg) {
  error_calls++;
  error_code = err;
  *(int *)arg = 1;
}

static void test_errors(void) {
  CHECK_BODY("a detected double free reports through the handler") {
    int flag = 0;
    esc_register_error(on_error, &flag);
    void *p = esc_malloc(100000);
    esc_free(p);
    esc_free(p); // the span is free now: detected, never fatal
    esc_register_error(NULL, NULL);
    EXPECT(error_calls == 1 && error_code == EINVAL && flag == 1);
  }
  CHECK_BODY("a small block freed twice in a row is reported and not handed out twice") {
    // It went onto the thread cache twice, and two later mallocs returned
    // the same address.
    int flag = 0;
    error_calls = 0;
    esc_register_error(on_error, &flag);
    char *d = esc_malloc(32);
    esc_free(d);
    esc_free(d);
    EXPECT(error_calls == 1 && flag == 1);
    char *a = esc_malloc(32), *b = esc_malloc(32);
    EXPECT(a != b);
    esc_free(a);
    esc_free(b);
    char *volatile v = malloc(48);  // the override, through free's fast path
    free(v);
    free(v);
    EXPECT(error_calls == 2);
    esc_register_error(NULL, NULL);
  }
}

static void test_override(void) {
  CHECK_BODY("malloc and friends are the runtime's") {
    void *p = malloc(100);
    EXPECT(esc_usable_size(p) == malloc_usable_size(p));
    EXPECT(malloc_usable_size(p) == 112);
    p = realloc(p, 5000);
    EXPECT(esc_usable_size(p) >= 5000);
    free(p);
    void *a = NULL;
    EXPECT(posix_memalign(&a, 4096, 10) == 0 && ((uintptr_t)a & 4095) == 0);
    free(a);
    a = aligned_alloc(256, 256);
    EXPECT(a && ((uintptr_t)a & 255) == 0);
    free(a);
    a = memalign(128, 1);
    EXPECT(a && ((uintptr_t)a & 127) == 0);
    free(a);
    a = calloc(3, 5);
    EXPECT(a && all_bytes(a, 15, 0));
    free(a);
    volatile size_t big = SIZE_MAX;
    errno = 0;
    EXPECT(reallocarray(NULL, big, 2) == NULL && errno == ENOMEM);
    a = valloc(1);
    free(a);
    a = pvalloc(1);
    free(a);
  }
}

int main(void) {
  test_standard();
  test_aligned();
  test_release();
  test_stats();
  test_errors();
  test_override();
  return test_summary();
}
