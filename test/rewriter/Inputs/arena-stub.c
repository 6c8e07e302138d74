/* A strict stand-in for the runtime's frame arena, for differential tests:
 * a bump arena over a static buffer that aborts when the code the rewriter
 * emitted breaks the arena's contract (a leave with a mark that is not the
 * innermost live one, an object freed twice, frames left open at exit). */
#include "alloc.h"
typedef __UINTPTR_TYPE__ uintptr_t;
void abort(void);
int atexit(void (*fn)(void));

enum { CAP = 1 << 20, DEPTH = 4096 };
static _Alignas(16) unsigned char buf[CAP];
static size_t top;                 /* bytes in use */
static uintptr_t marks[DEPTH];     /* open frames, innermost last */
static void *pairs[DEPTH];         /* each frame's enter_alloc object, or 0 */
static int depth, registered;
unsigned long stub_enters, stub_allocs, stub_frees;

static void fail(const char *what) { printf("arena-stub: %s\n", what); abort(); }
static void at_exit(void) { if (depth) fail("frames left open at exit"); }

uintptr_t esc_frame_enter(void) {
  if (!registered) registered = atexit(at_exit) == 0;
  if (depth == DEPTH) fail("frames nested too deep");
  ++stub_enters;
  pairs[depth] = 0;
  marks[depth++] = top + 1;
  return top + 1;
}
void esc_frame_leave(uintptr_t m) {
  if (m == 0) return; /* the runtime ignores it too */
  if (depth == 0 || marks[depth - 1] != m) fail("leave with a mark that is not the innermost");
  --depth;
  top = m - 1;
}
static int in_arena(void *p) {
  return (unsigned char *)p >= buf && (unsigned char *)p < buf + CAP;
}
void *esc_frame_alloc(size_t n) {
  if (depth == 0) fail("allocation outside any frame");
  size_t sz = (n + 15) & ~(size_t)15;
  if (sz < n || sz > CAP - top) return malloc(n);
  void *p = buf + top;
  top += sz ? sz : 16;
  ++stub_allocs;
  return p;
}
void *esc_frame_calloc(size_t c, size_t s) {
  size_t n;
  if (__builtin_mul_overflow(c, s, &n)) return 0;
  void *p = esc_frame_alloc(n);
  return p ? memset(p, 0, n) : p;
}
void *esc_frame_aligned_alloc(size_t a, size_t n) {
  if (a > 16) return aligned_alloc(a, n);
  return esc_frame_alloc(n);
}
char *esc_frame_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = esc_frame_alloc(n);
  for (size_t i = 0; i < n; ++i) p[i] = s[i];
  return p;
}
char *esc_frame_strndup(const char *s, size_t max) {
  size_t n = 0;
  while (n < max && s[n]) ++n;
  char *p = esc_frame_alloc(n + 1);
  for (size_t i = 0; i < n; ++i) p[i] = s[i];
  p[n] = 0;
  return p;
}
void *esc_frame_realloc(void *p, size_t n) {
  if (!p) return esc_frame_alloc(n);
  if (!in_arena(p)) return realloc(p, n);
  void *q = esc_frame_alloc(n);
  unsigned char *d = q, *s = p;
  size_t avail = (size_t)(buf + top - s);
  for (size_t i = 0; i < n && i < avail; ++i) d[i] = s[i];
  return q;
}
void esc_frame_free(void *p) {
  if (!p) return;
  if (!in_arena(p)) { free(p); return; }
  if ((unsigned char *)p >= buf + top) fail("free of an arena object already released");
  ++stub_frees;
}
/* The fused calls (escape.h): exactly the two calls they stand for. */
typedef struct { void *ptr; uintptr_t mark; } stub_pair;
stub_pair esc_frame_enter_alloc(size_t n) {
  stub_pair r;
  r.mark = esc_frame_enter();
  r.ptr = esc_frame_alloc(n);
  pairs[depth - 1] = r.ptr;
  if (!r.ptr) { /* as the runtime: a NULL object opens no frame */
    esc_frame_leave(r.mark);
    r.mark = 0;
  }
  return r;
}
/* An arena object moves to the heap (the stub keeps no object sizes: it
 * copies what lies below the arena's top, at most n bytes). */
void *esc_frame_realloc_heap(void *p, size_t n) {
  if (!p || !in_arena(p)) return realloc(p, n);
  void *q = malloc(n);
  unsigned char *d = q, *s = p;
  size_t avail = (size_t)(buf + top - s);
  for (size_t i = 0; q && i < n && i < avail; ++i) d[i] = s[i];
  esc_frame_free(p);
  return q;
}
void esc_frame_free_leave(void *p, uintptr_t m) {
  esc_frame_free(p);
  esc_frame_leave(m);
}
/* The pair form: p must be the innermost frame's enter_alloc object. */
void esc_frame_free_leave_pair(void *p) {
  if (depth == 0 || !p || pairs[depth - 1] != p)
    fail("free_leave_pair of an object that is not the innermost frame's");
  esc_frame_free(p);
  esc_frame_leave(marks[depth - 1]);
}
