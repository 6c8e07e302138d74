//===- test-class-lead.c - a class's first span on resident pages ----------===//
//
// Part of escape.  A class with no span takes, from free resident pages,
// only the pages its first carve needs (4 KiB of objects, or one object);
// it took a whole span (10 pages for blocks of 7,424 bytes), all of it
// resident because other blocks had used the pages, though a program
// holding one block of the size at a time never carved the rest (a file
// copier's buffers: runtime/bench/filebufs, 7.2 -> 5.9 MiB).  Then it took
// the pages of a batch, which still left a resident page or more uncarved
// in every class up to 1 KiB (3-5 pages each) and in the larger ones (a
// second object's pages).  Later spans of the class on resident pages are
// as short (a class holding a few blocks kept a whole second span
// resident); spans on fresh pages are whole.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

#include <string.h>

int main(void) {
  esc_free(esc_malloc(1)); // builds the tables
  unsigned cls = esc__class_of(7400);
  CHECK_BODY("the class's tables ask for a shorter first span") {
    EXPECT(esc__class_size[cls] == 7424);
    EXPECT(esc__class_lead[cls] >= 1 && esc__class_lead[cls] < esc__class_pages[cls]);
    EXPECT((size_t)esc__class_lead[cls] * ESC_PAGE_SIZE >= 7424);
    EXPECT((size_t)esc__class_lead[cls] * ESC_PAGE_SIZE < 2 * 7424);
    for (unsigned c = 1; c < ESC_NCLASSES; c++) {
      size_t need = esc__class_size[c] > 4096 ? esc__class_size[c] : 4096;
      size_t lead = (size_t)esc__class_lead[c] * ESC_PAGE_SIZE;
      EXPECT(lead >= need || esc__class_lead[c] == esc__class_pages[c]);
      EXPECT(lead < need + ESC_PAGE_SIZE);
    }
  }
  CHECK_BODY("a first block on resident pages takes only the lead pages") {
    // A large block written and freed leaves resident free pages.
    size_t big = 512 * 1024;
    char *b = esc_malloc(big);
    EXPECT(b != NULL);
    if (b) memset(b, 1, big);
    esc_free(b);
    char *p = esc_malloc(7400);
    EXPECT(p != NULL);
    if (p) {
      memset(p, 2, 7400);
      esc_span_t *s = esc__span_of(esc__segment_of(p), p);
      EXPECT(s->npages == esc__class_lead[cls]);
      // More blocks than the lead span holds, on the freed block's pages:
      // the class's further spans are as short.
      enum { N = 16 };
      char *q[N];
      for (int i = 0; i < N; i++) q[i] = esc_malloc(7400);
      esc_span_t *t = esc__span_of(esc__segment_of(q[N - 1]), q[N - 1]);
      EXPECT(t != s);
      EXPECT(t->npages == esc__class_lead[cls]);
      for (int i = 0; i < N; i++) esc_free(q[i]);
      esc_free(p);
    }
  }
  CHECK_BODY("small classes start with one page on resident pages") {
    char *b = esc_malloc(512 * 1024);
    EXPECT(b != NULL);
    if (b) memset(b, 1, 512 * 1024);
    esc_free(b);
    // A class of a few pages a span up to 1 KiB, and one of 1-4 KiB.
    size_t sizes[] = {800, 1900};
    for (int k = 0; k < 2; k++) {
      unsigned c = esc__class_of(sizes[k]);
      EXPECT(esc__class_pages[c] > 1);
      char *p = esc_malloc(sizes[k]);
      EXPECT(p != NULL);
      if (!p) continue;
      esc_span_t *s = esc__span_of(esc__segment_of(p), p);
      EXPECT(s->npages == 1);
      esc_free(p);
    }
  }
  return test_summary();
}
