//===- test-arena-poison.c - released frame memory is poisoned on request ---===//
//
// Part of escape.  With ESCAPE_RT_ARENA_POISON=1 (set here before the first
// arena call), memory a frame releases reads 0xdb, so that a use after the
// frame is left shows up in the differential tests; what is still held
// keeps its bytes.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <stdlib.h>
#include <string.h>

static int all(const unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != v)
      return 0;
  return 1;
}

int main(void) {
  setenv("ESCAPE_RT_ARENA_POISON", "1", 1);
  CHECK_BODY("leave poisons the frame's objects") {
    esc_frame_mark_t m = esc_frame_enter();
    unsigned char *p = esc_frame_alloc(64);
    memset(p, 0x11, 64);
    esc_frame_leave(m);
    EXPECT(all(p, 64, 0xdb));
  }
  CHECK_BODY("an inner leave keeps the outer frame's objects") {
    esc_frame_mark_t outer = esc_frame_enter();
    unsigned char *a = esc_frame_alloc(32);
    memset(a, 0x22, 32);
    esc_frame_mark_t inner = esc_frame_enter();
    unsigned char *b = esc_frame_alloc(48);
    memset(b, 0x33, 48);
    esc_frame_leave(inner);
    EXPECT(all(b, 48, 0xdb));
    EXPECT(all(a, 32, 0x22));
    esc_frame_leave(outer);
    EXPECT(all(a, 32, 0xdb));
  }
  CHECK_BODY("a leave past dead objects poisons them too") {
    esc_frame_mark_t m = esc_frame_enter();
    unsigned char *a = esc_frame_alloc(16);
    unsigned char *b = esc_frame_alloc(16);
    memset(a, 0x44, 16);
    memset(b, 0x55, 16);
    esc_frame_free(a);
    esc_frame_leave(m);
    EXPECT(all(b, 16, 0xdb));
  }
  CHECK_BODY("the fused enter_alloc / free_leave pair poisons its object") {
    esc_frame_pair_t f = esc_frame_enter_alloc(40);
    unsigned char *p = f.ptr;
    memset(p, 0x66, 40);
    esc_frame_free_leave(p, f.mark);
    EXPECT(all(p, 40, 0xdb));
  }
  return test_summary();
}
