//===- test-huge-cut.c - a reused huge mapping cut to its block -----------===//
//
// Part of escape.  A cached huge mapping that serves a much smaller block
// is cut: the pages past the block and the spare it may keep go back to
// the OS.  The spare is what the keep limit leaves room for beside the
// idle memory (it was up to seven times the block: a 30 MB block of
// ImageMagick's kept a 61 MB mapping).  The limit need not be a
// multiple of the page size (ESCAPE_RT_FREE_KEEP=100000 here, or 1/32 of
// the pages in use); a cut at an address inside a page made munmap fail,
// the accounting forgot the pages while they stayed mapped and resident
// (ImageMagick kept 28 MB it no longer used), and malloc_usable_size
// reported a size that was not a whole number of pages.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

enum { MIB = 1 << 20 };

// mapped_at tells whether the page holding p is mapped (mincore fails with
// ENOMEM on an unmapped page).
static bool mapped_at(const void *p) {
  unsigned char v;
  uintptr_t page = (uintptr_t)p & ~(uintptr_t)4095;
  return mincore((void *)page, 4096, &v) == 0 || errno != ENOMEM;
}

static uint64_t mapped(void) {
  esc_stats_t st;
  esc_stats_get(&st);
  return st.mapped_bytes;
}

int main(int argc, char **argv) {
  static const char *const env[] = {"ESCAPE_RT_RELEASE_DELAY=60000", "ESCAPE_RT_FREE_KEEP=100000",
                                    NULL};
  test_rerun_with(argc, argv, env);
  CHECK_BODY("a mapping reused for a smaller block ends on a page and is unmapped past it") {
    char *big = esc_malloc(48 * MIB);
    EXPECT(big != NULL);
    if (!big) return test_summary();
    memset(big, 1, 48 * MIB);
    uint64_t before = mapped();
    esc_free(big);
    char *p = esc_malloc(6 * MIB + 12345);
    EXPECT(p != NULL);
    if (!p) return test_summary();
    size_t usable = esc_usable_size(p);
    fprintf(stderr, " (block %p, %zu usable, mapped %llu KiB, before %llu KiB)", (void *)p, usable,
            (unsigned long long)(mapped() >> 10), (unsigned long long)(before >> 10));
    EXPECT(usable >= 6 * MIB + 12345);
    EXPECT(usable % 4096 == 0);
    // The mapping ends where the usable bytes end; the next page is gone.
    EXPECT(mapped_at(p + usable - 1));
    EXPECT(!mapped_at(p + usable));
    // The spare: what the keep limit (1/32 of the 48 MiB in use, as the
    // block came) leaves room for.  Seven times the need, before: the
    // whole 48 MiB stayed.
    EXPECT(mapped() <= 6 * MIB + 12345 + 2 * MIB);
    esc_free(p);
    esc_collect();
  }
  return test_summary();
}
