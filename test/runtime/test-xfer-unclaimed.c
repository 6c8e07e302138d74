//===- test-xfer-unclaimed.c - transfer slots of a class nobody allocates --===//
//
// Part of escape.  A thread that frees more than its cache holds hands
// whole batches to the class's transfer slots, for a thread that runs dry
// to take back.  A class that is only freed any more has nobody to take
// them: its slots filled up to ESCAPE_RT_TRANSFER_BYTES (1 MiB a class), and
// a program whose strings grow through the classes (mawk appending to an
// array's values) peaked at 2.6 times glibc's malloc.  After a few batches
// with no refill between them a class's flushes go to the spans, each
// taking a kept batch along.  Checks that freeing 4 MiB of one class leaves
// at most 8 batches in its slots (64 before), and that a class allocated
// and freed in turn still hands its batches over through the slots.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

#include <stdint.h>

enum { SIZE = 48, COUNT = (4 << 20) / SIZE };
static void *blocks[COUNT];

int main(void) {
  esc_free(esc_malloc(SIZE)); // the size classes are made on the first call
  unsigned cls = esc__class_of(SIZE);

  CHECK_BODY("a class that is only freed keeps few batches in its slots") {
    for (int i = 0; i < COUNT; i++) EXPECT((blocks[i] = esc_malloc(SIZE)) != NULL);
    for (int i = 0; i < COUNT; i++) esc_free(blocks[i]);
    uint32_t kept = esc__central[cls].nchains;
    if (kept > 8) fprintf(stderr, " %u batches of %u objects kept", kept, esc__class_batch[cls]);
    EXPECT(kept <= 8);
  }

  CHECK_BODY("a class allocated and freed in turn still uses its slots") {
    // Rounds of taking then freeing more than the cache holds (a few
    // batches): each round's refills let its flushes use the slots again.
    enum { ROUND = 1200 };
    for (int r = 0; r < 50; r++) {
      for (int i = 0; i < ROUND; i++) EXPECT((blocks[i] = esc_malloc(SIZE)) != NULL);
      for (int i = 0; i < ROUND; i++) esc_free(blocks[i]);
    }
    uint32_t kept = esc__central[cls].nchains;
    EXPECT(kept >= 1 && kept <= 8);
  }

  return test_summary();
}
