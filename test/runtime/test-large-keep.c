//===- test-large-keep.c - large spans a thread keeps for itself ---------===//
//
// Part of escape.  A large block (past the size classes, up to 64 KiB) that
// a thread frees stays in one of its eight slots, and its next large block
// of as many pages, or a quarter fewer, takes the smallest that fits
// without the page heap's lock: threads that churn such blocks met there
// for every one.  Checks the reuse, the size window, the best fit, the
// hand-back when the slots are full, at esc_thread_done and for blocks
// realloc moved away from, and that a second free of a kept block is still
// reported.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

#include <errno.h>

static uint64_t spans(void) {
  esc_stats_t s;
  esc_stats_get(&s);
  return s.spans_allocated;
}

static int errors;
static void on_error(int err, void *arg) {
  (void)arg;
  if (err == EINVAL) errors++;
}

int main(void) {
  esc_free(esc_malloc(1));
  CHECK_BODY("a freed 40 KiB block is the next 40 KiB block, from no new span") {
    void *p = esc_malloc(40000);
    esc_free(p);
    uint64_t before = spans();
    void *q = esc_malloc(40000);
    EXPECT(q == p && spans() == before);
    esc_free(q);
  }
  CHECK_BODY("a kept span serves blocks of as many pages or a quarter fewer") {
    esc_thread_done();  // empty slots
    void *p = esc_malloc(64 * 1024);  // 8 pages
    esc_free(p);
    uint64_t before = spans();
    void *q = esc_malloc(56 * 1024);  // 7 pages: 8 is within a quarter
    EXPECT(q == p && spans() == before);
    esc_free(q);
    void *r = esc_malloc(40 * 1024);  // 5 pages: 8 is too many
    EXPECT(r != p && spans() == before + 1);
    esc_free(r);
    void *t = esc_malloc(64 * 1024);  // 5 is too few
    EXPECT(t == p);
    esc_free(t);
  }
  CHECK_BODY("the smallest kept span that fits serves a block") {
    esc_thread_done();
    void *seven = esc_malloc(56 * 1024); // 7 pages
    void *eight = esc_malloc(64 * 1024); // 8 pages
    void *six = esc_malloc(48 * 1024);   // 6 pages
    esc_free(eight);
    esc_free(seven);
    esc_free(six);
    uint64_t before = spans();
    void *a = esc_malloc(50 * 1024); // 7 pages: the 7 before the 8
    void *b = esc_malloc(42 * 1024); // 6 pages: the 6 before the 7
    EXPECT(a == seven && b == six && spans() == before);
    esc_free(a);
    esc_free(b);
  }
  CHECK_BODY("blocks above 64 KiB go back to the page heap") {
    void *p = esc_malloc(100000);
    esc_free(p);
    uint64_t before = spans();
    void *q = esc_malloc(100000);
    EXPECT(spans() == before + 1);
    esc_free(q);
  }
  CHECK_BODY("eight slots: a ninth block hands the oldest back") {
    esc_thread_done();
    void *b[9];
    for (int i = 0; i < 9; i++) b[i] = esc_malloc(40000 + (size_t)i);
    for (int i = 0; i < 9; i++) esc_free(b[i]);
    uint64_t before = spans();
    void *c[9];
    for (int i = 0; i < 9; i++) c[i] = esc_malloc(40000);
    EXPECT(spans() == before + 1);  // eight kept, one from the heap
    for (int i = 0; i < 9; i++) esc_free(c[i]);
  }
  CHECK_BODY("a span kept after a take fills the emptied slot") {
    esc_thread_done();
    void *b[8];
    b[0] = esc_malloc(60000); // 8 pages
    for (int i = 1; i < 8; i++) b[i] = esc_malloc(40000); // 5 pages
    for (int i = 0; i < 8; i++) esc_free(b[i]); // eight slots full
    void *t = esc_malloc(40000);                // empties the second
    void *u = esc_malloc(48000);                // 6 pages: from the heap
    esc_free(u);                                // into the empty slot
    uint64_t before = spans();
    void *v = esc_malloc(60000);
    EXPECT(spans() == before); // the first slot's span is still kept
    esc_free(v);
    esc_free(t);
  }
  CHECK_BODY("esc_thread_done hands the kept spans back") {
    void *p = esc_malloc(40000);
    esc_free(p);
    esc_thread_done();
    uint64_t before = spans();
    void *q = esc_malloc(40000);
    EXPECT(spans() == before + 1);
    esc_free(q);
  }
  CHECK_BODY("a block realloc moved away from is not kept") {
    void *p = esc_malloc(40000);
    esc_thread_done();
    void *q = esc_realloc(p, 400000);  // moves: no room after a 5-page span
    EXPECT(q != NULL);
    uint64_t before = spans();
    void *r = esc_malloc(40000);
    EXPECT(spans() == before + 1);
    esc_free(r);
    esc_free(q);
  }
  CHECK_BODY("a kept span drops the heap profile's mark of its old block") {
    esc_thread_done();
    void *p = esc_malloc(40000);
    esc_span_t *sp = esc__span_of(esc__segment_of(p), p);
    sp->sampled = 1; // as the sampler marks a sampled block's span
    esc_free(p);     // forgets the sample, keeps the span
    void *q = esc_malloc(40000);
    EXPECT(q == p && !sp->sampled);
    esc_free(q);
  }
  CHECK_BODY("a second free of a kept block is reported") {
    esc_register_error(on_error, NULL);
    void *p = esc_malloc(40000);
    esc_free(p);
    esc_free(p);
    esc_register_error(NULL, NULL);
    EXPECT(errors == 1);
    esc_free(esc_malloc(40000));  // the slot still works
  }
  return test_summary();
}
