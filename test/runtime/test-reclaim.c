//===- test-reclaim.c - spans held by objects of classes left behind ------===//
//
// Part of escape.  Strings that grow a few bytes at a time move through the
// size classes (mawk appending to an array's values): a class fills, then
// is only freed.  What the thread's cache still holds of such a class, a
// few hundred objects scattered over its spans, kept every one of them
// resident, and a program growing 20,000 strings peaked at twice glibc's
// malloc.  When the heap takes fresh pages worth an eighth of those in use,
// the next slow path hands back the cached objects of every bin malloc took
// nothing from since the previous such point.  Checks that a class left
// behind gives all its spans back while another grows the heap, and that a
// class still in use keeps its cache.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

#include <stdint.h>

enum {
  OLD = 64,                      // the class left behind
  OLD_COUNT = (1 << 20) / OLD,   // 1 MiB of it, 128 spans
  NEW = 480,                     // the class that grows the heap
  NEW_COUNT = (6 << 20) / NEW,   // 6 MiB of it
  BUSY = 160                     // a class in use all along
};
static void *olds[OLD_COUNT];
static void *news[NEW_COUNT];

typedef struct {
  unsigned cls;
  uint32_t spans, inuse;
} class_count_t;

static void count_class(const esc_span_t *s, void *arg) {
  class_count_t *c = arg;
  if (s->state == ESC_SPAN_SMALL && s->cls == c->cls) {
    c->spans++;
    c->inuse += s->inuse;
  }
}

int main(void) {
  esc_free(esc_malloc(OLD)); // the size classes are made on the first call
  unsigned old_cls = esc__class_of(OLD), busy_cls = esc__class_of(BUSY);

  CHECK_BODY("a class nobody allocates from any more gives its spans back") {
    for (int i = 0; i < OLD_COUNT; i++) EXPECT((olds[i] = esc_malloc(OLD)) != NULL);
    // Freed in a scattered order, with an allocation now and then, as
    // strings leave a class while a few still enter it.
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int i = OLD_COUNT - 1; i > 0; i--) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      int k = (int)((x >> 33) % (uint64_t)(i + 1));
      void *t = olds[i];
      olds[i] = olds[k];
      olds[k] = t;
    }
    for (int i = 0; i < OLD_COUNT; i++) {
      esc_free(olds[i]);
      if (i % 64 == 63) esc_free(esc_malloc(OLD));
    }
    class_count_t before = {old_cls, 0, 0};
    esc__heap_walk(count_class, &before);
    for (int j = 0; j < NEW_COUNT; j++) {
      EXPECT((news[j] = esc_malloc(NEW)) != NULL);
      esc_free(esc_malloc(BUSY));
    }
    class_count_t after = {old_cls, 0, 0};
    esc__heap_walk(count_class, &after);
    if (after.spans != 0)
      fprintf(stderr, " %u spans (%u before) still hold %u cached objects", after.spans,
              before.spans, after.inuse);
    EXPECT(before.spans > 0);
    EXPECT(after.spans == 0);
  }

  CHECK_BODY("a class in use keeps its cached objects") {
    esc_bin_t *bin = &esc__tc.bins[busy_cls];
    EXPECT(bin->head != NULL || bin->local != NULL);
  }

  for (int j = 0; j < NEW_COUNT; j++) esc_free(news[j]);
  return test_summary();
}
