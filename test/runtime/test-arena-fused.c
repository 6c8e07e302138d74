//===- test-arena-fused.c - the fused frame-arena calls ---------------------===//
//
// Part of escape.  Tests esc_frame_enter_alloc and esc_frame_free_leave,
// the fused forms the compiler emits for an enter followed by an allocation
// and a free followed by a leave: they release exactly what the unfused
// calls release, on their fast paths and when the object is not on top,
// lies in a new chunk, or came from the heap; an object that is also its
// frame's record stays a record when freed alone.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int aligned16(const void *p) { return ((uintptr_t)p & 15) == 0; }

int main(void) {
  setenv("ESCAPE_RT_ARENA_CAP", "256k", 1);
  size_t base = esc_frame_bytes_in_use();
  CHECK_BODY("enter_alloc then free_leave releases everything") {
    esc_frame_pair_t f = esc_frame_enter_alloc(100);
    EXPECT(f.mark != 0 && f.ptr != NULL && aligned16(f.ptr));
    memset(f.ptr, 1, 100);
    EXPECT(esc_frame_bytes_in_use() >= base + 100);
    esc_frame_free_leave(f.ptr, f.mark);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("free_leave with objects above the freed one") {
    esc_frame_pair_t f = esc_frame_enter_alloc(8);
    char *q = esc_frame_alloc(300);
    memset(q, 2, 300);
    esc_frame_free_leave(f.ptr, f.mark);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("free_leave after a separate enter and alloc") {
    esc_frame_mark_t m = esc_frame_enter();
    char *p = esc_frame_alloc(24);
    esc_frame_free_leave(p, m);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("freeing the fused object keeps its frame record") {
    esc_frame_mark_t outer = esc_frame_enter();
    size_t start = esc_frame_bytes_in_use();
    for (int i = 0; i < 1000; i++) {
      esc_frame_pair_t f = esc_frame_enter_alloc(64);
      esc_frame_free(f.ptr);
      EXPECT(esc__arena_is_valid());
      char *q = esc_frame_alloc(64);  // lands above the record
      memset(q, 3, 64);
      esc_frame_leave(f.mark);        // releases q with the record
      EXPECT(esc_frame_bytes_in_use() == start);
    }
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("a dead object under the record is popped by free_leave") {
    esc_frame_mark_t outer = esc_frame_enter();
    char *x = esc_frame_alloc(16);
    size_t with_x = esc_frame_bytes_in_use();
    char *y = esc_frame_alloc(16);
    esc_frame_pair_t f = esc_frame_enter_alloc(16);
    esc_frame_free(y);  // not on top: dead, under f's record
    esc_frame_free_leave(f.ptr, f.mark);
    EXPECT(esc_frame_bytes_in_use() == with_x && esc__arena_is_valid());
    x[0] = 1;
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("a fused object that starts a new chunk") {
    esc_frame_mark_t outer = esc_frame_enter();
    size_t reserved = esc_frame_bytes_reserved();
    // Fill the current chunk, so that the next object needs a new one.
    size_t room = reserved - esc_frame_bytes_in_use();
    char *fill = esc_frame_alloc(room > 64 ? room - 64 : 16);
    EXPECT(fill != NULL);
    esc_frame_pair_t f = esc_frame_enter_alloc(1000);
    EXPECT(esc_frame_bytes_reserved() > reserved && esc__arena_is_valid());
    memset(f.ptr, 4, 1000);
    esc_frame_free_leave(f.ptr, f.mark);
    EXPECT(esc__arena_is_valid());
    char *again = esc_frame_alloc(16);  // back in the first chunk
    EXPECT(again > fill);
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("an object above the cap comes from the heap") {
    size_t before = esc_frame_bytes_in_use();
    esc_frame_pair_t f = esc_frame_enter_alloc(512 * 1024);
    EXPECT(f.mark != 0 && f.ptr != NULL);
    memset(f.ptr, 5, 512 * 1024);
    EXPECT(esc_frame_bytes_in_use() < before + 1024);
    esc_frame_free_leave(f.ptr, f.mark);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("free_leave of NULL leaves the frame") {
    esc_frame_pair_t f = esc_frame_enter_alloc(0);
    EXPECT(f.ptr != NULL);
    esc_frame_free_leave(NULL, f.mark);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("an inner fused frame keeps the outer frame's objects") {
    esc_frame_mark_t outer = esc_frame_enter();
    char *a = esc_frame_alloc(32);
    memset(a, 6, 32);
    for (int i = 0; i < 100; i++) {
      esc_frame_pair_t f = esc_frame_enter_alloc((size_t)i);
      esc_frame_free_leave(f.ptr, f.mark);
    }
    EXPECT(a[31] == 6);
    esc_frame_free_leave(a, outer);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("free of a heap block reaches free(), arena empty or not") {
    for (int round = 0; round < 2; round++) {
      esc_frame_mark_t m = round ? esc_frame_enter() : 0;
      char *x = round ? esc_frame_alloc(48) : NULL;
      esc_stats_t before, after;
      char *h = malloc((size_t)8 << 20);  // served by mmap: huge_bytes counts it
      EXPECT(h != NULL && esc_stats_get(&before) == 0);
      h[0] = 1;
      esc_frame_free(h);
      EXPECT(esc_stats_get(&after) == 0 && after.huge_bytes < before.huge_bytes);
      if (round) {
        x[0] = 1;
        esc_frame_leave(m);
      }
    }
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("a live object under the top dies without moving the top") {
    esc_frame_mark_t m = esc_frame_enter();
    char *a = esc_frame_alloc(32), *b = esc_frame_alloc(32);
    size_t full = esc_frame_bytes_in_use();
    esc_frame_free(a);
    EXPECT(esc_frame_bytes_in_use() == full && esc__arena_is_valid());
    esc_frame_free(a);  // a double free changes nothing
    EXPECT(esc_frame_bytes_in_use() == full && esc__arena_is_valid());
    esc_frame_free(b);  // pops b and the dead a under it
    EXPECT(esc_frame_bytes_in_use() < full - 64 && esc__arena_is_valid());
    esc_frame_leave(m);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  return test_summary();
}
