//===- test-midblocks.c - random mid-size blocks stop faulting in --------===//
//
// Part of escape.  Blocks of 256-512 KiB replaced at random in eight slots,
// with the default release options: a new block rarely fits a free span
// of the right size, so the heap takes new pages and releases old ones,
// which the next blocks fault in again.  Those refaults must raise the
// keep limit (the boost) far enough that the rounds stop faulting: with
// the boost capped at a quarter of this small heap, 200,000 replacements
// took 2.9 million page faults and 30x mimalloc's time.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "testhelper.h"

#include <stdlib.h>
#include <sys/resource.h>

static long faults(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_minflt;
}

int main(void) {
  CHECK_BODY("blocks of 256-512 KiB replaced at random stop faulting in") {
    char *slot[8] = {0};
    unsigned seed = 7;
    long before = 0;
    for (int i = 0; i < 40000; i++) {
      if (i == 20000) before = faults();
      int k = rand_r(&seed) % 8;
      esc_free(slot[k]);
      size_t n = (256u << 10) + (size_t)rand_r(&seed) % (256u << 10);
      slot[k] = esc_malloc(n);
      EXPECT(slot[k] != NULL);
      if (!slot[k]) break;
      for (size_t j = 0; j < n; j += 4096) slot[k][j] = (char)i;
    }
    long n = faults() - before;
    fprintf(stderr, " (%ld page faults in the last 20000 rounds)", n);
    EXPECT(n < 20000);
    for (int k = 0; k < 8; k++) esc_free(slot[k]);
  }
  return test_summary();
}
