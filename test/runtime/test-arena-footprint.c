//===- test-arena-footprint.c - the frame arena holds no more than it must ===//
//
// Part of escape.  Three ways the arena held or touched far more memory, or
// copied far more, than the heap would for the same calls:
//   - calloc of a large block zeroed it in the arena, making every page of
//     it resident, where the heap hands out fresh pages untouched;
//   - a block below the top shrunk with realloc kept its whole size;
//   - a block grown past its chunk a little at a time was copied again
//     every few steps.
//
//===----------------------------------------------------------------------===//
#include "escape.h"

#include "testhelper.h"

static bool test_large_calloc(void) {
  bool result = true;
  esc_frame_mark_t m = esc_frame_enter();
  size_t before = esc_frame_bytes_in_use();
  unsigned char *p = esc_frame_calloc(1, 1 << 20);
  EXPECT(p != NULL);
  EXPECT(esc_frame_bytes_in_use() - before < 4096); // a heap block
  EXPECT(p[0] == 0 && p[(1 << 20) - 1] == 0 && p[12345] == 0);
  unsigned char *q = esc_frame_calloc(4, 100); // small: in the arena
  EXPECT(q != NULL && q[0] == 0 && q[399] == 0);
  EXPECT(esc_frame_bytes_in_use() - before >= 400);
  esc_frame_free(q);
  esc_frame_free(p);
  esc_frame_leave(m);
  return result;
}

static bool test_shrink_below_top(void) {
  bool result = true;
  enum { N = 2000 };
  static char *data[N], *name[N];
  esc_frame_mark_t m = esc_frame_enter();
  for (int i = 0; i < N; i++) {
    char *buf = esc_frame_alloc(4096);
    EXPECT(buf != NULL);
    memset(buf, 'a' + i % 26, 4096);
    name[i] = esc_frame_alloc(16);
    strcpy(name[i], "n");
    data[i] = esc_frame_realloc(buf, 100);
  }
  // The kept bytes are 2000 x (100 + 16); the buffers' full sizes 8 MB.
  EXPECT(esc_frame_bytes_reserved() < (size_t)2 * 1024 * 1024);
  long s = 0;
  for (int i = 0; i < N; i++)
    s += data[i][99] == 'a' + i % 26 && name[i][0] == 'n';
  EXPECT(s == N);
  esc_frame_leave(m);
  return result;
}

static bool test_grow_past_chunks(void) {
  bool result = true;
  esc_frame_mark_t m = esc_frame_enter();
  char *a = NULL, *last = NULL;
  size_t n = 0;
  int moves = 0;
  while (n < 1000000) {
    a = esc_frame_realloc(a, n + 64);
    EXPECT(a != NULL);
    if (a != last && last)
      moves++;
    last = a;
    memset(a + n, (int)(n / 64), 64);
    n += 64;
  }
  EXPECT(moves <= 16); // doubling: about log2(1 MB / 64 KiB) moves, not hundreds
  EXPECT((unsigned char)a[64 * 1000] == (unsigned char)1000);
  esc_frame_free(a);
  esc_frame_leave(m);
  return result;
}

int main(void) {
  CHECK_BODY("a calloc of 1 MB goes to the heap's untouched pages") result = test_large_calloc();
  CHECK_BODY("a block shrunk below the top moves") result = test_shrink_below_top();
  CHECK_BODY("a block moved to grow gets room to grow") result = test_grow_past_chunks();
  return test_summary();
}
