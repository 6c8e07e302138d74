//===- test-carve.c - fresh objects are carved a page's worth at a time ---===//
//
// Part of escape.  A refill links at most 4 KiB of a span's never-used
// objects into the thread's cache, and at least one (mimalloc's extend
// size).  It linked at least four: a class of 4 KiB blocks wrote a link into
// four pages for a program holding one such block at a time, and the
// cache's two lists then handed out two of them in turn, so both were
// filled (runtime/bench/mixed: 10.2 -> 9.9 MiB peak RSS; a small program
// linked by escape-cc: 8 -> 5 resident pages of the heap).
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

// carved returns how many objects of p's span have left its fresh part.
static size_t carved(void *p) {
  esc_span_t *s = esc__span_of(esc__segment_of(p), p);
  return (size_t)(s->bump - s->start) / esc__class_size[s->cls];
}

int main(void) {
  esc_free(esc_malloc(1)); // builds the tables
  CHECK_BODY("a 4 KiB class carves one object a refill") {
    void *p = esc_malloc(4000);
    EXPECT(p != NULL && esc__class_size[esc__class_of(4000)] == 4096);
    EXPECT(carved(p) == 1);
    esc_free(p);
  }
  CHECK_BODY("a 6 KiB block taken and freed in turn is always the same block") {
    void *first = esc_malloc(6000);
    esc_free(first);
    int same = 1;
    for (int i = 0; i < 10; i++) {
      void *q = esc_malloc(6000);
      same &= q == first;
      esc_free(q);
    }
    EXPECT(same && carved(first) == 1);
  }
  CHECK_BODY("a 1 KiB class carves four objects, 4 KiB") {
    void *p = esc_malloc(1000);
    EXPECT(p != NULL && esc__class_size[esc__class_of(1000)] == 1024 && carved(p) == 4);
    esc_free(p);
  }
  return test_summary();
}
