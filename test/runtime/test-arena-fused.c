//===- test-arena-fused.c - the fused frame-arena calls ---------------------===//
//
// Part of escape.  Tests esc_frame_enter_alloc, esc_frame_free_leave and
// esc_frame_free_leave_pair, the fused forms the compiler emits for an
// enter followed by an allocation and a free followed by a leave: they
// release exactly what the unfused calls release, on their fast paths and
// when the object is not on top, lies in a new chunk, or came from the
// heap; an object that is also its frame's record stays a record when
// freed alone; the pair form finds its frame from the object alone, heap
// blocks, reused heap addresses, skipped frames and other stacks included.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"
#include "testhelper.h"

#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

static int aligned16(const void *p) { return ((uintptr_t)p & 15) == 0; }

// --- esc_frame_free_leave_pair

static jmp_buf jump;

// skipped opens a pair frame (and an object above it) that longjmp skips.
__attribute__((noinline)) static void skipped(size_t n) {
  esc_frame_pair_t f = esc_frame_enter_alloc(n);
  char *q = esc_frame_alloc(64);
  memset(f.ptr, 7, n < 64 ? n : 64);
  memset(q, 7, 64);
  longjmp(jump, 1);
}

// skip_in_pair opens a pair frame of n bytes, calls skipped, and leaves
// its frame with free_leave_pair after the longjmp back.
__attribute__((noinline)) static void skip_in_pair(size_t n) {
  esc_frame_pair_t f = esc_frame_enter_alloc(n);
  void *volatile p = f.ptr;
  if (!setjmp(jump)) skipped(n / 2 + 1);
  esc_frame_free_leave_pair(p);
}

static ucontext_t co_main, co_ctx;
static int co_ok;

// co_body runs on a heap stack: its pair is a heap block with no record,
// and its free_leave_pair must leave the thread stack's frames alone.
static void co_body(void) {
  size_t before = esc_frame_bytes_in_use();
  esc_frame_pair_t f = esc_frame_enter_alloc(40);
  co_ok = f.ptr != NULL && esc_frame_bytes_in_use() == before;
  memset(f.ptr, 8, 40);
  esc_frame_free_leave_pair(f.ptr);
  co_ok = co_ok && esc_frame_bytes_in_use() == before;
}

static void test_pair(size_t base) {
  CHECK_BODY("free_leave_pair releases the frame of its object") {
    esc_frame_pair_t f = esc_frame_enter_alloc(100);
    memset(f.ptr, 1, 100);
    char *q = esc_frame_alloc(300);  // above the pair's object
    memset(q, 1, 300);
    esc_frame_free_leave_pair(f.ptr);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
  }
  CHECK_BODY("free_leave_pair keeps the outer frames' objects") {
    esc_frame_mark_t outer = esc_frame_enter();
    char *a = esc_frame_alloc(32);
    memset(a, 2, 32);
    size_t with_a = esc_frame_bytes_in_use();
    for (int i = 0; i < 100; i++) {
      esc_frame_pair_t f = esc_frame_enter_alloc((size_t)i * 40);
      esc_frame_free_leave_pair(f.ptr);
      EXPECT(esc_frame_bytes_in_use() == with_a);
    }
    EXPECT(a[31] == 2 && esc__arena_is_valid());
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("free_leave_pair of an object that starts a new chunk") {
    esc_frame_mark_t outer = esc_frame_enter();
    size_t room = esc_frame_bytes_reserved() - esc_frame_bytes_in_use();
    char *fill = esc_frame_alloc(room > 64 ? room - 64 : 16);
    size_t filled = esc_frame_bytes_in_use();
    esc_frame_pair_t f = esc_frame_enter_alloc(1000);
    EXPECT(f.ptr != NULL && (f.ptr < (void *)fill || f.ptr > (void *)(fill + 1000)));
    memset(f.ptr, 3, 1000);
    esc_frame_free_leave_pair(f.ptr);
    EXPECT(esc_frame_bytes_in_use() == filled && esc__arena_is_valid());
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("a pair above the cap: a heap block with a record of its own") {
    esc_frame_mark_t outer = esc_frame_enter();
    char *a = esc_frame_alloc(48);
    memset(a, 4, 48);
    size_t with_a = esc_frame_bytes_in_use();
    esc_frame_pair_t f = esc_frame_enter_alloc((size_t)8 << 20);  // served by mmap
    EXPECT(f.ptr != NULL && f.mark != 0);
    memset(f.ptr, 4, 4096);
    char *q = esc_frame_alloc(64);  // in the arena, above the heap block's record
    memset(q, 4, 64);
    esc_stats_t before, after;
    EXPECT(esc_stats_get(&before) == 0);
    esc_frame_free_leave_pair(f.ptr);
    EXPECT(esc_stats_get(&after) == 0 && after.huge_bytes < before.huge_bytes);
    EXPECT(esc_frame_bytes_in_use() == with_a && a[47] == 4 && esc__arena_is_valid());
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("a heap block at the address of an outer frame's freed one") {
    esc_frame_pair_t outer = esc_frame_enter_alloc(300 * 1024);
    char *old = outer.ptr;
    esc_frame_free(outer.ptr);  // the block goes; its frame stays open
    char *a = esc_frame_alloc(32);
    memset(a, 5, 32);
    size_t with_a = esc_frame_bytes_in_use();
    esc_frame_pair_t inner = esc_frame_enter_alloc(300 * 1024);
    EXPECT(inner.ptr != NULL);
    int reused = inner.ptr == (void *)old;  // the case this checks, when the heap reuses it
    esc_frame_free_leave_pair(inner.ptr);
    EXPECT(esc_frame_bytes_in_use() == with_a && a[31] == 5 && esc__arena_is_valid());
    esc_frame_leave(outer.mark);
    EXPECT(esc_frame_bytes_in_use() == base);
    if (!reused) printf("note: the heap did not reuse the block's address\n");
  }
  CHECK_BODY("free_leave_pair pops the frames a longjmp skipped") {
    esc_frame_mark_t outer = esc_frame_enter();
    size_t start = esc_frame_bytes_in_use();
    for (size_t n = 16; n <= 400 * 1024; n *= 4) {
      skip_in_pair(n);
      EXPECT(esc_frame_bytes_in_use() == start && esc__arena_is_valid());
    }
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("a failed pair is NULL and holds nothing") {
    errno = 0;
    esc_frame_pair_t f = esc_frame_enter_alloc(SIZE_MAX / 2);
    EXPECT(f.ptr == NULL && errno == ENOMEM);
    EXPECT(esc_frame_bytes_in_use() == base && esc__arena_is_valid());
    esc_frame_free_leave_pair(f.ptr);  // NULL: nothing to do
    EXPECT(esc_frame_bytes_in_use() == base);
  }
  CHECK_BODY("off the thread's stack, free_leave_pair leaves its frames alone") {
    esc_frame_mark_t outer = esc_frame_enter();
    char *a = esc_frame_alloc(32);
    memset(a, 9, 32);
    size_t with_a = esc_frame_bytes_in_use();
    static char stack[256 * 1024];
    EXPECT(getcontext(&co_ctx) == 0);
    co_ctx.uc_stack.ss_sp = stack;
    co_ctx.uc_stack.ss_size = sizeof stack;
    co_ctx.uc_link = &co_main;
    makecontext(&co_ctx, co_body, 0);
    EXPECT(swapcontext(&co_main, &co_ctx) == 0);
    EXPECT(co_ok && esc_frame_bytes_in_use() == with_a && a[31] == 9);
    esc_frame_leave(outer);
    EXPECT(esc_frame_bytes_in_use() == base);
  }
}

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
  test_pair(base);
  return test_summary();
}
