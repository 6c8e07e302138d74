//===- test-arena.c - unit tests for the frame arena ------------------------===//
//
// Part of escape.  Tests the `// --- Frame arena` section of escape.h: LIFO
// release, nested frames, frees in any order, bounded growth in loops,
// longjmp past frames, per-thread arenas, heap fallbacks, alignment,
// calloc, strdup/strndup, asprintf/vasprintf and realloc.  Run with ESCAPE_RT_ARENA_CAP unset:
// main sets it to 256k before the first arena call.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "escape/internal.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <wchar.h>
#include <unistd.h>

static int failures;

#define CHECK(cond)                                                     \
  do {                                                                  \
    if (!(cond)) {                                                      \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                   \
      failures++;                                                       \
    }                                                                   \
  } while (0)

#define CAP ((size_t)256 * 1024)

static int aligned(const void *p, size_t a) { return ((uintptr_t)p & (a - 1)) == 0; }

static void test_lifo(void) {
  size_t base = esc_frame_bytes_in_use();
  esc_frame_mark_t m = esc_frame_enter();
  CHECK(m != 0);
  size_t start = esc_frame_bytes_in_use();
  CHECK(start > base);
  char *a = esc_frame_alloc(10), *b = esc_frame_alloc(100), *c = esc_frame_alloc(1000);
  CHECK(a && b && c && a < b && b < c);
  memset(a, 1, 10);
  memset(b, 2, 100);
  memset(c, 3, 1000);
  size_t full = esc_frame_bytes_in_use();
  CHECK(full >= start + 1110);
  esc_frame_free(c);  // top: popped at once
  size_t two = esc_frame_bytes_in_use();
  CHECK(two < full && two >= start + 110);
  CHECK(a[9] == 1 && b[99] == 2);
  char *d = esc_frame_alloc(1000);
  CHECK(d == c);  // the popped space is reused
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == base);
  // With no frame record under them, the bottom chunk (kept when the arena
  // emptied, so its headers carry no FIRST flag) goes too.
  if (base == 0) {
    enum { M = 20000 };
    static char *fifo[M];
    for (int i = 0; i < M; i++) {
      fifo[i] = esc_frame_alloc(200);
      memset(fifo[i], (char)i, 200);
    }
    size_t full = esc_frame_bytes_in_use();
    for (int i = 0; i < M / 2; i++) esc_frame_free(fifo[i]);
    CHECK(esc_frame_bytes_in_use() < full);
    CHECK(esc__arena_is_valid());
    bool intact = true;
    for (int i = M / 2; i < M; i++) intact &= fifo[i][199] == (char)i;
    CHECK(intact);
    for (int i = M / 2; i < M; i++) esc_frame_free(fifo[i]);
    CHECK(esc_frame_bytes_in_use() == 0);
    CHECK(esc__arena_is_valid());
  }
}

static void test_nested(void) {
  size_t base = esc_frame_bytes_in_use();
  esc_frame_mark_t m1 = esc_frame_enter();
  void *p = esc_frame_alloc(64);
  size_t after_p = esc_frame_bytes_in_use();
  esc_frame_mark_t m2 = esc_frame_enter();
  void *q = esc_frame_alloc(4000);
  esc_frame_mark_t m3 = esc_frame_enter();
  CHECK(esc_frame_alloc(50000) != NULL);
  esc_frame_leave(m3);
  CHECK(esc_frame_bytes_in_use() > after_p);
  esc_frame_leave(m2);
  CHECK(esc_frame_bytes_in_use() == after_p);
  (void)q;
  // A callee that frees its caller's object cannot pop below its own frame.
  m2 = esc_frame_enter();
  esc_frame_free(p);
  CHECK(esc_frame_bytes_in_use() > after_p);
  void *r = esc_frame_alloc(32);
  CHECK(r > p);
  esc_frame_leave(m2);  // r is released and the dead p under it too
  CHECK(esc_frame_bytes_in_use() < after_p);
  esc_frame_leave(m1);
  CHECK(esc_frame_bytes_in_use() == base);
}

// Objects that need chunks of their own, freed in every order, then the
// object under them: the arena must drop the emptied chunks and keep
// serving from the older one (the pattern of a loop of large buffers).
static void test_chunk_boundaries(void) {
  size_t base = esc_frame_bytes_in_use();
  for (int round = 0; round < 64; round++) {
    esc_frame_mark_t m = esc_frame_enter();
    long *small = esc_frame_calloc((size_t)(round % 26) + 1, sizeof(long));
    char *big[4];
    for (int j = 0; j < 4; j++) {
      big[j] = esc_frame_alloc(99816);
      CHECK(big[j] != NULL && esc__arena_is_valid());
      memset(big[j], j, 99816);
    }
    if (round % 4 == 1) {
      esc_frame_free(big[1]);
      big[1] = NULL;
    }
    static const int order[3][4] = {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}};
    for (int j = 0; j < 4; j++) {
      esc_frame_free(big[order[round % 3][j]]);
      CHECK(esc__arena_is_valid());
    }
    CHECK(small[0] == 0);
    esc_frame_free(small);
    CHECK(esc__arena_is_valid());
    char *next = esc_frame_alloc(40000);  // must land inside a chunk
    memset(next, 1, 40000);
    CHECK(esc__arena_is_valid());
    esc_frame_leave(m);
    CHECK(esc__arena_is_valid() && esc_frame_bytes_in_use() == base);
  }
}

static void test_any_order(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  enum { N = 64 };
  void *v[N];
  for (int i = 0; i < N; i++) v[i] = esc_frame_alloc((size_t)(i * 37 % 500));
  // Free in a scrambled order; the arena shrinks only when the top dies.
  int order[N];
  for (int i = 0; i < N; i++) order[i] = (i * 29 + 7) % N;
  for (int i = 0; i < N; i++) {
    esc_frame_free(v[order[i]]);
    if (order[i] != N - 1 && i == 0) CHECK(esc_frame_bytes_in_use() > start);
  }
  CHECK(esc_frame_bytes_in_use() == start);
  esc_frame_leave(m);
}

static void test_loop_bounded(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  size_t peak = 0;
  for (long i = 0; i < 1000000; i++) {
    // Two objects per iteration, freed in either order; every 4096th
    // iteration one large enough to need a chunk of its own.
    size_t n = (size_t)(i % 200) + 1 + ((i & 4095) == 0 ? 200000 : 0);
    char *a = esc_frame_alloc(n), *b = esc_frame_alloc(64);
    a[0] = b[0] = 1;
    if (i & 1) {
      esc_frame_free(a);
      esc_frame_free(b);
    } else {
      esc_frame_free(b);
      esc_frame_free(a);
    }
    size_t use = esc_frame_bytes_in_use();
    if (use > peak) peak = use;
  }
  CHECK(esc_frame_bytes_in_use() == start);
  CHECK(esc__arena_is_valid());
  CHECK(peak < start + 210000);
  CHECK(esc_frame_bytes_reserved() <= 4u * 1024 * 1024);
  // The chunk the large objects needed went back to the allocator; the
  // spare is at most 128 KiB.
  CHECK(esc_frame_bytes_reserved() <= 64u * 1024 + 128u * 1024);
  esc_frame_leave(m);
}

// Once the outermost frame leaves, the arena keeps at most one chunk of the
// first size: the spare a large object needed, and a bottom chunk sized
// for one large request, go back to the allocator for other blocks.
static void test_empty_trims(void) {
  CHECK(esc_frame_bytes_in_use() == 0);
  for (int i = 0; i < 100; i++) {
    esc_frame_mark_t m = esc_frame_enter();
    char *a = esc_frame_alloc(100000), *b = esc_frame_alloc(100000);
    a[0] = b[99999] = 1;
    CHECK(esc_frame_bytes_reserved() >= 200000);
    esc_frame_leave(m);
    CHECK(esc_frame_bytes_reserved() <= 64u * 1024);
  }
  esc_frame_pair_t p = esc_frame_enter_alloc(200000);
  CHECK(p.ptr != NULL);
  memset(p.ptr, 1, 200000);
  esc_frame_leave(p.mark);
  CHECK(esc_frame_bytes_reserved() <= 64u * 1024 && esc__arena_is_valid());
  // Inside a frame that stays, the spare is kept (test_loop_bounded).
  esc_frame_mark_t outer = esc_frame_enter();
  esc_frame_mark_t m = esc_frame_enter();
  CHECK(esc_frame_alloc(100000) != NULL);
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_reserved() >= 100000);
  esc_frame_leave(outer);
  CHECK(esc_frame_bytes_reserved() <= 64u * 1024 && esc__arena_is_valid());
}

// Frees that are not LIFO: the previous iteration's object freed after the
// next one is taken, and a queue freed from its oldest end.  The arena
// cannot reuse what dies under a live top; once it is mostly dead, requests
// that need a new chunk go to the heap, so it stays bounded.
static void test_not_lifo_bounded(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_reserved();
  size_t peak = 0;
  char *prev = NULL;
  for (long i = 0; i < 1000000; i++) {
    char *cur = esc_frame_alloc(64);
    cur[0] = (char)i;
    esc_frame_free(prev);
    prev = cur;
    if (esc_frame_bytes_reserved() > peak) peak = esc_frame_bytes_reserved();
  }
  esc_frame_free(prev);
  fprintf(stderr, "  (previous-object loop: at most %zu KiB reserved)\n", peak >> 10);
  CHECK(peak <= start + 256 * 1024);
  peak = 0;
  enum { DEPTH = 100 };
  char *queue[DEPTH] = {0};
  for (long i = 0; i < 1000000; i++) {
    char *item = esc_frame_alloc((size_t)(i % 100) + 16);
    item[0] = (char)i;
    esc_frame_free(queue[i % DEPTH]); // the oldest
    queue[i % DEPTH] = item;
    if (esc_frame_bytes_reserved() > peak) peak = esc_frame_bytes_reserved();
  }
  for (int k = 0; k < DEPTH; k++) esc_frame_free(queue[k]);
  fprintf(stderr, "  (queue: at most %zu KiB reserved)\n", peak >> 10);
  CHECK(peak <= start + 1024 * 1024);
  CHECK(esc__arena_is_valid());
  // Objects that stay live still grow the arena: 100000 of them.
  char **keep = esc_frame_alloc(100000 * sizeof *keep);
  int in_arena = 1;
  size_t before = esc_frame_bytes_in_use();
  for (int i = 0; i < 100000; i++) keep[i] = esc_frame_alloc(48);
  in_arena = esc_frame_bytes_in_use() >= before + 100000 * 48;
  CHECK(in_arena);
  for (int i = 100000; i-- > 0;) esc_frame_free(keep[i]);
  esc_frame_free(keep);
  esc_frame_leave(m);
}

// A breadth-first search over an implicit binary tree keeps its queue in
// the arena: nodes are freed from the oldest end while the queue grows, so
// whole chunks under the live tail die.  They go back at once: the arena
// holds the live nodes and at most two chunks more, where before it kept
// as many dead bytes as live ones (about 2x the live queue).
static void test_fifo_reclaims_chunks(void) {
  struct qnode { long v; struct qnode *next; long pad[2]; };
  enum { N = 1000000 };
  size_t base = esc_frame_bytes_in_use();
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  struct qnode *head = esc_frame_alloc(sizeof *head), *tail = head;
  head->v = 0;
  head->next = NULL;
  long live = 1, visited = 0, next_id = 1, wrong = 0;
  size_t excess = 0;
  while (head) {
    struct qnode *q = head;
    for (int k = 0; k < 2 && next_id < N; k++) {
      struct qnode *x = esc_frame_alloc(sizeof *x);
      x->v = next_id++;
      x->next = NULL;
      tail->next = x;
      tail = x;
      live++;
    }
    wrong += q->v != visited++;
    head = q->next;
    esc_frame_free(q);
    live--;
    size_t held = (size_t)live * (sizeof *q + 16);  // with their headers
    size_t used = esc_frame_bytes_in_use() - start;
    if (used > held && used - held > excess) excess = used - held;
  }
  fprintf(stderr, "  (breadth-first queue: at most %zu KiB beyond the live nodes)\n", excess >> 10);
  CHECK(wrong == 0 && visited == N);
  CHECK(excess <= 9u * 1024 * 1024);  // the live queue peaks at 24 MB
  CHECK(esc__arena_is_valid());
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == base);
}

// Random frames and objects against a model: objects freed in any order
// (the oldest most often, as queues do), large ones that start chunks,
// reallocs, frames left with objects still in them.  Every live object
// keeps its contents, and the arena its invariants, whatever chunks the
// arena reclaims or drops under them.
enum { MODEL_OBJS = 4096, MODEL_DEPTH = 24 };
static struct { unsigned char *p; size_t n; unsigned char v; int depth; } model[MODEL_OBJS];
static int model_n;

static uint64_t model_rand(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static int model_intact(void) {
  for (int i = 0; i < model_n; i++)
    for (size_t k = 0; k < model[i].n; k += 1 + model[i].n / 8)
      if (model[i].p[k] != model[i].v) return 0;
  return 1;
}

static void model_drop(int i) {
  model[i] = model[--model_n];
}

static void test_random_model(uint64_t seed) {
  size_t base = esc_frame_bytes_in_use();
  esc_frame_mark_t marks[MODEL_DEPTH];
  int depth = 0, bad = 0, invalid = 0;
  marks[depth++] = esc_frame_enter();
  for (long step = 0; step < 300000 && !bad; step++) {
    uint64_t r = model_rand(&seed);
    unsigned op = (unsigned)(r % 100);
    if (op < 4 && depth < MODEL_DEPTH) {
      marks[depth++] = esc_frame_enter();
    } else if (op < 8 && depth > 1) {
      esc_frame_leave(marks[--depth]);
      for (int i = model_n; i-- > 0;)
        if (model[i].depth >= depth) model_drop(i);
    } else if (op < 55 && model_n < MODEL_OBJS) {
      size_t n = (r >> 8) % 100 == 0 ? 20000 + (size_t)((r >> 16) % 200000) : 1 + (size_t)((r >> 16) % 300);
      unsigned char *p = esc_frame_alloc(n);
      if (!p) { bad = 1; break; }
      unsigned char v = (unsigned char)(r >> 40);
      memset(p, v, n);
      model[model_n].p = p;
      model[model_n].n = n;
      model[model_n].v = v;
      model[model_n].depth = depth - 1;
      model_n++;
    } else if (op < 95 && model_n) {
      // The oldest live object half the time, else any.
      int i = (r >> 8) & 1 ? 0 : (int)((r >> 16) % (uint64_t)model_n);
      // A moved object lands in the current frame: realloc only the
      // objects of the innermost frame, as compiled code does.
      if ((r >> 24) % 10 == 0 && model[i].depth == depth - 1) {
        size_t n = 1 + (size_t)((r >> 32) % 600);
        unsigned char *q = esc_frame_realloc(model[i].p, n);
        if (!q) { bad = 1; break; }
        for (size_t k = 0; k < (n < model[i].n ? n : model[i].n); k++) bad |= q[k] != model[i].v;
        memset(q, model[i].v, n);
        model[i].p = q;
        model[i].n = n;
      } else {
        esc_frame_free(model[i].p);
        // Keep the order of the rest: index 0 stays the oldest.
        memmove(&model[i], &model[i + 1], (size_t)(model_n - i - 1) * sizeof model[0]);
        model_n--;
      }
    }
    if (step % 997 == 0) {
      bad |= !model_intact();
      invalid |= !esc__arena_is_valid();
    }
  }
  bad |= !model_intact();
  CHECK(!bad);
  CHECK(!invalid);
  CHECK(esc__arena_is_valid());
  while (depth > 0) esc_frame_leave(marks[--depth]);
  model_n = 0;
  CHECK(esc_frame_bytes_in_use() == base);
}

static jmp_buf jump;

static void dive(int depth) {
  esc_frame_mark_t m = esc_frame_enter();
  char *p = esc_frame_alloc(1000);
  memset(p, depth, 1000);
  if (depth > 0)
    dive(depth - 1);
  else if (depth == 0)
    longjmp(jump, 1);
  esc_frame_leave(m);  // never reached
}

static void test_longjmp(void) {
  size_t base = esc_frame_bytes_in_use();
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  if (setjmp(jump) == 0) dive(200);
  CHECK(esc_frame_bytes_in_use() > start + 200 * 1000);
  esc_frame_leave(m);
  CHECK(esc__arena_is_valid());
  CHECK(esc_frame_bytes_in_use() == base);
  // A mark already released is ignored: it never moves the top up or down.
  m = esc_frame_enter();
  esc_frame_mark_t inner = esc_frame_enter();
  esc_frame_leave(inner);
  void *p = esc_frame_alloc(16);  // takes the released record's place
  size_t with_p = esc_frame_bytes_in_use();
  esc_frame_leave(inner);
  CHECK(esc_frame_bytes_in_use() == with_p);
  esc_frame_free(p);
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == base);
}

// A setjmp loop in a function with no frame of its own, bracketed as the
// compiler brackets it: each jump back releases what the skipped frames
// held, and the objects under the saved top (the caller's) stay.
static void test_jmp_restore(void) {
  size_t base = esc_frame_bytes_in_use();
  esc_frame_mark_t outer = esc_frame_enter();
  char *mine = esc_frame_alloc(48);
  memset(mine, 'o', 48);
  size_t held = esc_frame_bytes_in_use();
  for (volatile int round = 0; round < 1000; round++) {
    esc_frame_mark_t t = esc_frame_jmp_save();
    int r = setjmp(jump);
    esc_frame_jmp_restore(t);
    CHECK(esc_frame_bytes_in_use() == held);
    if (r == 0) dive(round % 7);
  }
  bool intact = true;
  for (int i = 0; i < 48; i++) intact &= mine[i] == 'o';
  CHECK(intact);
  CHECK(esc__arena_is_valid());
  // Restoring to an empty arena pops everything the skipped frames pushed,
  // across chunks.
  esc_frame_leave(outer);
  CHECK(esc_frame_bytes_in_use() == base);
  if (base == 0) {
    esc_frame_mark_t t = esc_frame_jmp_save();
    if (setjmp(jump) == 0) dive(300);
    esc_frame_jmp_restore(t);
    CHECK(esc_frame_bytes_in_use() == 0);
    CHECK(esc__arena_is_valid());
  }
  // A saved top that is gone releases nothing.
  esc_frame_mark_t m = esc_frame_enter();
  char *gone = esc_frame_alloc(32);
  esc_frame_mark_t t = esc_frame_jmp_save();
  esc_frame_free(gone);
  char *other = esc_frame_alloc(64);
  char *above = esc_frame_alloc(64);
  size_t now = esc_frame_bytes_in_use();
  esc_frame_jmp_restore(t);  // `other` took gone's place: only `above` goes
  CHECK(esc_frame_bytes_in_use() == now - 80);
  CHECK(esc__arena_is_valid());
  memset(other, 1, 64);
  (void)above;
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == base);
}

static void *thread_main(void *arg) {
  long id = (long)(intptr_t)arg;
  CHECK(esc_frame_bytes_in_use() == 0);  // a fresh thread has its own arena
  esc_frame_mark_t m = esc_frame_enter();
  for (int round = 0; round < 2000; round++) {
    esc_frame_mark_t r = esc_frame_enter();
    unsigned char *p = esc_frame_alloc(300);
    memset(p, (int)id, 300);
    unsigned char *q = esc_frame_alloc(3000);
    memset(q, (int)id + 1, 3000);
    for (int k = 0; k < 300; k++)
      if (p[k] != (unsigned char)id) return (void *)1;
    esc_frame_free(p);
    esc_frame_leave(r);
  }
  // Objects still allocated at thread exit are returned with the chunks.
  CHECK(esc_frame_alloc(5000) != NULL);
  (void)m;
  return NULL;
}

// A coroutine runs on a stack of its own between a frame's enter and leave
// on the thread's stack, and may keep its objects after that frame is left.
// Frames and objects off the thread's stack come from the heap.
static ucontext_t co_main, co_ctx;
static char *co_obj;
static esc_frame_mark_t co_mark;

static void co_body(void) {
  co_mark = esc_frame_enter();
  co_obj = esc_frame_alloc(100);
  memset(co_obj, 'c', 100);
  swapcontext(&co_ctx, &co_main);  // suspended, holding co_obj
  esc_frame_free(co_obj);
  esc_frame_leave(co_mark);
  swapcontext(&co_ctx, &co_main);
}

static void resume_in_a_frame(void) {
  esc_frame_mark_t m = esc_frame_enter();
  char *mine = esc_frame_alloc(64);
  memset(mine, 'm', 64);
  swapcontext(&co_main, &co_ctx);  // the coroutine allocates, then yields
  esc_frame_free(mine);
  esc_frame_leave(m);  // released: all this frame took, never co_obj
}

static void run_coroutine(char *stack, size_t size) {
  size_t before = esc_frame_bytes_in_use();
  getcontext(&co_ctx);
  co_ctx.uc_stack.ss_sp = stack;
  co_ctx.uc_stack.ss_size = size;
  co_ctx.uc_link = &co_main;
  makecontext(&co_ctx, co_body, 0);
  resume_in_a_frame();
  // A new frame on the thread's stack takes the space the resumer left; had
  // co_obj been in it, this would overwrite it.
  esc_frame_mark_t m = esc_frame_enter();
  char *reuse = esc_frame_alloc(256);
  memset(reuse, 'x', 256);
  __asm__ volatile("" : : "r"(reuse) : "memory");  // the stores stay
  esc_frame_leave(m);
  bool intact = true;
  for (int i = 0; i < 100; i++) intact &= co_obj[i] == 'c';
  CHECK(intact);
  CHECK(co_mark != 0);
  swapcontext(&co_main, &co_ctx);  // the coroutine frees and leaves
  CHECK(esc_frame_bytes_in_use() == before);
  CHECK(esc__arena_is_valid());
}

static void test_coroutine(void) {
  static char stack[64 * 1024];
  run_coroutine(stack, sizeof stack);
}

// The same coroutine on a stack carved out of the thread's own: an
// automatic array of this function, so it runs above the frame that
// resumes it, which is the arena's floor (its outermost frame); there its
// frames and objects step aside to the heap.  Before, they went to the
// arena over the resumer's frame and were released when it returned.
__attribute__((noinline)) static void test_coroutine_on_thread_stack(void) {
  char stack[64 * 1024];
  CHECK(esc_frame_bytes_in_use() == 0);  // resume_in_a_frame's is the floor
  run_coroutine(stack, sizeof stack);
}

// A frame left by a longjmp to a setjmp the compiler did not bracket (code
// it did not build, as a C++ catch is for an exception): with no outer
// frame to release it, its record stayed under every later frame, 16 bytes
// per jump.  Entered again from the same call site, at the same stack
// pointer, the function finds its old frame gone, and the frames above it:
// 100,000 jumps grew the arena by 1.6 MB before, 3.2 MB with a callee's
// frame skipped too.  The fused enter is the same.
static jmp_buf stale_env;

__attribute__((noinline)) static void jump_from_callee(void) {
  esc_frame_mark_t m = esc_frame_enter();
  char *p = esc_frame_alloc(50);
  memset(p, 2, 50);
  esc_frame_free(p);
  (void)m;
  longjmp(stale_env, 1);
}

__attribute__((noinline)) static void enter_and_jump(int mode) {
  char *p;
  esc_frame_mark_t m = 0;
  if (mode == 1) {
    p = esc_frame_enter_alloc(100).ptr;
  } else {
    m = esc_frame_enter();
    p = esc_frame_alloc(100);
  }
  memset(p, 1, 100);
  esc_frame_free(p);  // as a cleanup handler run by the unwinder would
  (void)m;
  if (mode == 2) jump_from_callee();
  longjmp(stale_env, 1);
}

static void test_stale_floor(void) {
  for (volatile int mode = 0; mode <= 2; mode++) {
    CHECK(esc_frame_bytes_in_use() == 0);
    esc_frame_mark_t saved = esc_frame_jmp_save();
    for (volatile int i = 0; i < 100000; i++)
      if (setjmp(stale_env) == 0) enter_and_jump(mode);
    CHECK(esc_frame_bytes_in_use() <= 256);  // the last jump's frames alone
    CHECK(esc__arena_is_valid());
    // A frame deeper than the stale floor still takes the arena.
    esc_frame_mark_t m = esc_frame_enter();
    CHECK(esc_frame_bytes_in_use() > 0);
    esc_frame_leave(m);
    esc_frame_jmp_restore(saved);  // releases the stale floor
    CHECK(esc_frame_bytes_in_use() == 0);
  }
}

// The floor's own frame takes the arena for every kind of object, and a
// frame the compiler inlined into it (another enter at the same stack
// pointer, from another call site) gets a record of its own.
static void test_floor_frame_objects(void) {
  CHECK(esc_frame_bytes_in_use() == 0);
  esc_frame_mark_t m = esc_frame_enter();
  size_t used = esc_frame_bytes_in_use();
  void *p;
  // Each object takes arena bytes: none comes from the heap.
#define FROM_ARENA(call)                         \
  do {                                           \
    p = (call);                                  \
    CHECK(p != NULL);                            \
    CHECK(esc_frame_bytes_in_use() > used);      \
    used = esc_frame_bytes_in_use();             \
  } while (0)
  FROM_ARENA(esc_frame_alloc(40));
  FROM_ARENA(esc_frame_calloc(4, 10));
  FROM_ARENA(esc_frame_strdup("floor"));
  FROM_ARENA(esc_frame_strndup("floor", 3));
  FROM_ARENA(esc_frame_aligned_alloc(64, 64));
  FROM_ARENA(esc_frame_posix_memalign(&p, 32, 32) == 0 ? p : NULL);
  FROM_ARENA(esc_frame_realloc(p, 4000));
#undef FROM_ARENA
  esc_frame_mark_t inlined = esc_frame_enter();
  CHECK(esc_frame_alloc(100) != NULL);
  CHECK(esc_frame_bytes_in_use() > used);
  esc_frame_leave(inlined);
  CHECK(esc_frame_bytes_in_use() == used);
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == 0);
  CHECK(esc__arena_is_valid());
}

static void test_threads(void) {
  esc_frame_mark_t m = esc_frame_enter();
  void *mine = esc_frame_alloc(128);
  size_t use = esc_frame_bytes_in_use();
  pthread_t t[4];
  for (long i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, thread_main, (void *)(intptr_t)(i * 2)) == 0);
  for (int i = 0; i < 4; i++) {
    void *ret = (void *)2;
    pthread_join(t[i], &ret);
    CHECK(ret == NULL);
  }
  CHECK(esc_frame_bytes_in_use() == use);
  esc_frame_free(mine);
  esc_frame_leave(m);
}

static void test_fallbacks(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  // Above the cap: a heap block, released by esc_frame_free.
  char *big = esc_frame_alloc(CAP + 1);
  CHECK(big != NULL && esc_frame_bytes_in_use() == start);
  memset(big, 7, CAP + 1);
  char *fits = esc_frame_alloc(CAP);
  CHECK(fits != NULL && esc_frame_bytes_in_use() >= start + CAP);
  esc_frame_free(big);
  esc_frame_free(fits);
  CHECK(esc_frame_bytes_in_use() == start);
  // Huge sizes fail as malloc fails.
  errno = 0;
  CHECK(esc_frame_alloc(SIZE_MAX) == NULL && errno == ENOMEM);
  errno = 0;
  CHECK(esc_frame_alloc(SIZE_MAX / 2) == NULL && errno == ENOMEM);
  // Any pointer: heap blocks pass through to free(), NULL is ignored.
  esc_frame_free(malloc(100));
  esc_frame_free(strdup("heap"));
  esc_frame_free(NULL);
  CHECK(esc_frame_bytes_in_use() == start);
  // Alignments the arena does not serve keep aligned_alloc's answer.
  void *pa = esc_frame_aligned_alloc(65536, 65536);
  CHECK(pa != NULL && aligned(pa, 65536) && esc_frame_bytes_in_use() == start);
  esc_frame_free(pa);
  errno = 0;
  size_t odd = (size_t)getpid() % 1 + 3;  // 3, hidden from the compiler
  void *bad = aligned_alloc(odd, 16);
  int bad_errno = errno;
  errno = 0;
  void *pb = esc_frame_aligned_alloc(odd, 16);
  CHECK((pb == NULL) == (bad == NULL) && errno == bad_errno);
  free(bad);
  esc_frame_free(pb);
  // Zero bytes: a 16-byte arena object each (the fast path's test leaves
  // n == 0 to the slow path), and sizes whose rounding would wrap fail.
  size_t before = esc_frame_bytes_in_use();
  char *z1 = esc_frame_alloc(0), *z2 = esc_frame_alloc(0);
  CHECK(z1 && z2 && z1 != z2 && esc_frame_bytes_in_use() == before + 64);
  memset(z1, 1, 16);
  memset(z2, 2, 16);
  CHECK(z1[15] == 1);
  esc_frame_free(z2);
  esc_frame_free(z1);
  CHECK(esc_frame_bytes_in_use() == before);
  errno = 0;
  CHECK(esc_frame_alloc(SIZE_MAX - 15) == NULL && errno == ENOMEM);
  esc_frame_pair_t wrap = esc_frame_enter_alloc(SIZE_MAX - 7);
  CHECK(wrap.ptr == NULL);
  esc_frame_leave(m);
}

static void test_posix_memalign(void) {
  size_t start = esc_frame_bytes_in_use();
  esc_frame_mark_t m = esc_frame_enter();
  void *p = (void *)1;
  CHECK(esc_frame_posix_memalign(&p, 24, 64) == EINVAL && p == (void *)1);
  CHECK(esc_frame_posix_memalign(&p, 4, 64) == EINVAL && p == (void *)1);
  size_t before = esc_frame_bytes_in_use();
  CHECK(esc_frame_posix_memalign(&p, 256, 1000) == 0 && aligned(p, 256));
  CHECK(esc_frame_bytes_in_use() > before);  // from the arena
  memset(p, 1, 1000);
  void *big = NULL;  // beyond the arena's alignments: the C library's
  CHECK(esc_frame_posix_memalign(&big, 8192, 100) == 0 && aligned(big, 8192));
  esc_frame_free(big);
  esc_frame_free(p);
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == start);
  CHECK(esc__arena_is_valid());
}

static void test_alignment(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  for (size_t n = 0; n < 300; n++) {
    void *p = esc_frame_alloc(n);
    CHECK(p != NULL && aligned(p, 16));
  }
  esc_frame_leave(m);
  m = esc_frame_enter();
  CHECK(esc_frame_bytes_in_use() == start);
  for (size_t al = 1; al <= 4096; al *= 2) {
    char *pad = esc_frame_alloc(1);
    char *p = esc_frame_aligned_alloc(al, 24);
    CHECK(p != NULL && aligned(p, al < 16 ? 16 : al));
    memset(p, 0x5a, 24);
    esc_frame_free(p);
    esc_frame_free(pad);
    CHECK(esc_frame_bytes_in_use() == start);  // padding is reclaimed too
  }
  esc_frame_leave(m);
}

static void test_calloc(void) {
  esc_frame_mark_t m = esc_frame_enter();
  unsigned char *dirty = esc_frame_alloc(4096);
  memset(dirty, 0xff, 4096);
  esc_frame_free(dirty);
  unsigned char *z = esc_frame_calloc(64, 64);
  CHECK(z == dirty);  // same memory, now zeroed
  int zero = 1;
  for (int i = 0; i < 4096; i++) zero &= z[i] == 0;
  CHECK(zero);
  errno = 0;
  CHECK(esc_frame_calloc(SIZE_MAX / 2, 3) == NULL && errno == ENOMEM);
  errno = 0;
  CHECK(esc_frame_calloc((size_t)1 << 33, (size_t)1 << 33) == NULL && errno == ENOMEM);
  unsigned char *zb = esc_frame_calloc(1, CAP + 100);  // heap fallback is zeroed too
  CHECK(zb != NULL && zb[0] == 0 && zb[CAP + 99] == 0);
  esc_frame_free(zb);
  CHECK(esc_frame_calloc(0, 8) != NULL);
  esc_frame_leave(m);
}

static void test_strings(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  char *s = esc_frame_strdup("frame arena");
  CHECK(s && strcmp(s, "frame arena") == 0 && esc_frame_bytes_in_use() > start);
  char *t = esc_frame_strndup("frame arena", 5);
  CHECK(t && strcmp(t, "frame") == 0);
  char *u = esc_frame_strndup("abc", 100);
  CHECK(u && strcmp(u, "abc") == 0);
  char *e = esc_frame_strdup("");
  CHECK(e && e[0] == '\0');
  char *n = esc_frame_strndup("xyz", 0);
  CHECK(n && n[0] == '\0');
  esc_frame_free(u);
  esc_frame_free(s);
  esc_frame_free(t);
  esc_frame_free(e);
  esc_frame_free(n);
  CHECK(esc_frame_bytes_in_use() == start);
  esc_frame_leave(m);
}

// asprintf's text in an arena block: shorter and longer than the buffer
// it prints to first; a format that cannot be printed answers -1 with
// errno set and the pointer untouched; one with %n is printed once.
static void test_asprintf(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  char *s = NULL;
  int n = esc_frame_asprintf(&s, "%s-%d-%.2f", "arena", 42, 2.5);
  CHECK(n == 13 && s && strcmp(s, "arena-42-2.50") == 0 && esc_frame_bytes_in_use() > start);
  char *big = NULL;
  n = esc_frame_asprintf(&big, "%0999d|", 3);
  CHECK(n == 1000 && big && big[998] == '3' && big[999] == '|' && big[1000] == '\0');
  for (int k = 0; big && k < 998; k++)
    if (big[k] != '0') {
      CHECK(big[k] == '0');
      break;
    }
  char *e = NULL;
  n = esc_frame_asprintf(&e, "%s", "");
  CHECK(n == 0 && e && e[0] == '\0');
  // A wide character with no multibyte form in the C locale.
  char *bad = (char *)1;
  errno = 0;
  n = esc_frame_asprintf(&bad, "%lc", (wint_t)0x263a);
  CHECK(n == -1 && errno == EILSEQ && bad == (char *)1);
  // %n stores as the text is printed: printed once, by the C library, into
  // a heap block (the arena holds nothing more) that esc_frame_free frees.
  // Printed twice, the second pass read the format's first byte after %hhn
  // had changed it.
  char fmt[] = "A%*s%hhn|";
  char *w = NULL;
  size_t before = esc_frame_bytes_in_use();
  n = esc_frame_asprintf(&w, fmt, 300, "", (signed char *)&fmt[0]);
  CHECK(n == 302 && w && w[0] == 'A' && w[301] == '|' && esc_frame_bytes_in_use() == before);
  int count = 0;
  char *c = NULL;
  n = esc_frame_asprintf(&c, "%%abc%n%%", &count);
  CHECK(n == 5 && count == 4 && c && strcmp(c, "%abc%") == 0);
  // glibc's Z, the old name of z, before the n.
  char fmz[] = "A%*s%Zn|";
  size_t zcount = 0;
  char *z = NULL;
  size_t zbefore = esc_frame_bytes_in_use();
  n = esc_frame_asprintf(&z, fmz, 300, "", &zcount);
  CHECK(n == 302 && zcount == 301 && z && esc_frame_bytes_in_use() == zbefore);
  esc_frame_free(z);
  esc_frame_free(c);
  esc_frame_free(w);
  esc_frame_free(e);
  esc_frame_free(big);
  esc_frame_free(s);
  CHECK(esc_frame_bytes_in_use() == start);
  esc_frame_leave(m);
}

// The _small forms are their plain forms: an arena block, never the slot.
static void test_small_forms(void) {
  size_t start = esc_frame_bytes_in_use();
  esc_frame_mark_t m = esc_frame_enter();
  char slot[64];
  char *a = esc_frame_alloc_small(100, slot);
  long *c = esc_frame_calloc_small(20, sizeof(long), slot);
  char *s = esc_frame_strdup_small("frame arena", slot);
  char *t = esc_frame_strndup_small("frame arena", 5, slot);
  CHECK(a && a != slot && c && (char *)c != slot && s != slot && t != slot);
  CHECK(c[0] == 0 && c[19] == 0 && strcmp(s, "frame arena") == 0 && strcmp(t, "frame") == 0);
  CHECK(esc_frame_bytes_in_use() > start);
  esc_frame_leave(m);
  CHECK(esc_frame_bytes_in_use() == start);
}

static void test_realloc(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  char *p = esc_frame_realloc(NULL, 10);
  memcpy(p, "0123456789", 10);
  char *q = esc_frame_realloc(p, 5000);  // on top: grows in place
  CHECK(q == p && memcmp(q, "0123456789", 10) == 0);
  char *other = esc_frame_alloc(16);
  char *r = esc_frame_realloc(q, 9000);  // not on top: moves
  CHECK(r != q && memcmp(r, "0123456789", 10) == 0);
  CHECK(esc_frame_realloc(r, 20) == r);  // on top: shrinks in place
  char *h = esc_frame_realloc(r, CAP + 1);  // past the cap: to the heap
  CHECK(h != NULL && memcmp(h, "0123456789", 10) == 0);
  h = esc_frame_realloc(h, CAP * 2);  // a heap pointer goes to realloc
  CHECK(h != NULL && memcmp(h, "0123456789", 10) == 0);
  esc_frame_free(h);
  esc_frame_free(other);
  CHECK(esc_frame_bytes_in_use() == start);
  char *z = esc_frame_alloc(32);
  CHECK(esc_frame_realloc(z, 0) == NULL && esc_frame_bytes_in_use() == start);
  errno = 0;
  char *keep = esc_frame_alloc(32);
  CHECK(esc_frame_realloc(keep, SIZE_MAX / 2) == NULL && errno == ENOMEM);
  esc_frame_free(keep);
  CHECK(esc_frame_bytes_in_use() == start);
  esc_frame_leave(m);
}

// esc_frame_realloc_heap: an arena object moves to the heap and leaves its
// frame; a heap pointer is realloc'd.
static void test_realloc_heap(void) {
  esc_frame_mark_t m = esc_frame_enter();
  size_t start = esc_frame_bytes_in_use();
  char *p = esc_frame_alloc(10);
  memcpy(p, "0123456789", 10);
  char *h = esc_frame_realloc_heap(p, 4000);
  CHECK(h != NULL && h != p && memcmp(h, "0123456789", 10) == 0);
  CHECK(esc_frame_bytes_in_use() == start);  // p left the arena
  memset(h + 10, 'x', 3990);
  h = esc_frame_realloc_heap(h, 8000);  // a heap block: plain realloc
  CHECK(h != NULL && memcmp(h, "0123456789", 10) == 0 && h[3999] == 'x');
  free(h);
  char *q = esc_frame_alloc(64);
  memset(q, 'q', 64);
  char *small = esc_frame_realloc_heap(q, 8);  // shrinking copies what fits
  CHECK(small != NULL && memcmp(small, "qqqqqqqq", 8) == 0);
  free(small);
  char *z = esc_frame_alloc(32);
  CHECK(esc_frame_realloc_heap(z, 0) == NULL && esc_frame_bytes_in_use() == start);
  char *n = esc_frame_realloc_heap(NULL, 16);
  CHECK(n != NULL);
  free(n);
  errno = 0;
  char *keep = esc_frame_alloc(32);
  CHECK(esc_frame_realloc_heap(keep, SIZE_MAX / 2) == NULL && errno == ENOMEM);
  esc_frame_free(keep);
  CHECK(esc_frame_bytes_in_use() == start);
  esc_frame_leave(m);
}

int main(void) {
  setenv("ESCAPE_RT_ARENA_CAP", "256k", 1);
  CHECK(esc_frame_bytes_in_use() == 0);
  esc_frame_leave(0);  // the mark of a failed enter: does nothing
  test_lifo();
  test_nested();
  test_chunk_boundaries();
  test_any_order();
  test_empty_trims();
  test_loop_bounded();
  test_not_lifo_bounded();
  test_fifo_reclaims_chunks();
  for (uint64_t seed = 1; seed <= 4; seed++) test_random_model(seed * 0x2545F4914F6CDD1DULL);
  test_longjmp();
  test_jmp_restore();
  test_threads();
  test_coroutine();
  test_coroutine_on_thread_stack();
  test_stale_floor();
  test_floor_frame_objects();
  test_fallbacks();
  test_alignment();
  test_posix_memalign();
  test_calloc();
  test_strings();
  test_asprintf();
  test_small_forms();
  test_realloc();
  test_realloc_heap();
  if (failures) {
    fprintf(stderr, "test-arena: %d checks failed\n", failures);
    return 1;
  }
  printf("test-arena: ok\n");
  return 0;
}
