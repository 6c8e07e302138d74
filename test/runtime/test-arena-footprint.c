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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                     \
  do {                                                                  \
    if (!(cond)) {                                                      \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                   \
      failures++;                                                       \
    }                                                                   \
  } while (0)

static void test_large_calloc(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t before = esc_frame_bytes_in_use();
  unsigned char *p = esc_frame_calloc(1, 1 << 20);
  CHECK(p != NULL);
  CHECK(esc_frame_bytes_in_use() - before < 4096); // a heap block
  CHECK(p[0] == 0 && p[(1 << 20) - 1] == 0 && p[12345] == 0);
  unsigned char *q = esc_frame_calloc(4, 100); // small: in the arena
  CHECK(q != NULL && q[0] == 0 && q[399] == 0);
  CHECK(esc_frame_bytes_in_use() - before >= 400);
  esc_frame_free(q);
  esc_frame_free(p);
  esc_frame_leave(m);
}

static void test_shrink_below_top(void) {
  enum { N = 2000 };
  static char *data[N], *name[N];
  esc_frame_mark_t m = esc_frame_enter();
  for (int i = 0; i < N; i++) {
    char *buf = esc_frame_alloc(4096);
    CHECK(buf != NULL);
    memset(buf, 'a' + i % 26, 4096);
    name[i] = esc_frame_alloc(16);
    strcpy(name[i], "n");
    data[i] = esc_frame_realloc(buf, 100);
  }
  // The kept bytes are 2000 x (100 + 16); the buffers' full sizes 8 MB.
  CHECK(esc_frame_bytes_reserved() < (size_t)2 * 1024 * 1024);
  long s = 0;
  for (int i = 0; i < N; i++)
    s += data[i][99] == 'a' + i % 26 && name[i][0] == 'n';
  CHECK(s == N);
  esc_frame_leave(m);
}

static void test_grow_past_chunks(void) {
  esc_frame_mark_t m = esc_frame_enter();
  char *a = NULL, *last = NULL;
  size_t n = 0;
  int moves = 0;
  while (n < 1000000) {
    a = esc_frame_realloc(a, n + 64);
    CHECK(a != NULL);
    if (a != last && last)
      moves++;
    last = a;
    memset(a + n, (int)(n / 64), 64);
    n += 64;
  }
  CHECK(moves <= 16); // doubling: about log2(1 MB / 64 KiB) moves, not hundreds
  CHECK((unsigned char)a[64 * 1000] == (unsigned char)1000);
  esc_frame_free(a);
  esc_frame_leave(m);
}

int main(void) {
  test_large_calloc();
  test_shrink_below_top();
  test_grow_past_chunks();
  if (failures)
    return 1;
  puts("test-arena-footprint: ok");
  return 0;
}
