//===- heapcount.c - count a program's heap calls at link time -------------===//
//
// Part of escape.  Linked into a benchmark with
//   -Wl,--wrap=malloc,--wrap=calloc,... (see HEAPCOUNT_WRAP in bench.sh)
// every call the program's objects make to the malloc family goes through a
// __wrap_ function here that counts it and calls the real one.  At exit the
// counts are appended as one line to $HEAPCOUNT_OUT (stderr when unset):
//   heapcount malloc=N calloc=N ... allocs=N frees=N total=N
// A link-time wrapper, not an LD_PRELOAD library: escape-cc links the
// runtime's malloc into the executable, and calls an executable makes to its
// own functions never reach a preloaded library.  Calls the C library makes
// internally are not counted, so strdup and strndup are wrapped as calls of
// their own.
//
//===----------------------------------------------------------------------===//
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

enum {
  HC_MALLOC, HC_CALLOC, HC_REALLOC, HC_REALLOCARRAY, HC_ALIGNED_ALLOC,
  HC_POSIX_MEMALIGN, HC_MEMALIGN, HC_VALLOC, HC_STRDUP, HC_STRNDUP, HC_FREE,
  HC_KINDS
};

static const char *const hc_names[HC_KINDS] = {
  "malloc", "calloc", "realloc", "reallocarray", "aligned_alloc",
  "posix_memalign", "memalign", "valloc", "strdup", "strndup", "free"};

static _Atomic unsigned long hc_counts[HC_KINDS];

static void hc_count(int kind) {
  atomic_fetch_add_explicit(&hc_counts[kind], 1, memory_order_relaxed);
}

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__real_reallocarray(void *, size_t, size_t);
void *__real_aligned_alloc(size_t, size_t);
int __real_posix_memalign(void **, size_t, size_t);
void *__real_memalign(size_t, size_t);
void *__real_valloc(size_t);
char *__real_strdup(const char *);
char *__real_strndup(const char *, size_t);
void __real_free(void *);

void *__wrap_malloc(size_t n) { hc_count(HC_MALLOC); return __real_malloc(n); }
void *__wrap_calloc(size_t c, size_t n) { hc_count(HC_CALLOC); return __real_calloc(c, n); }
void *__wrap_realloc(void *p, size_t n) { hc_count(HC_REALLOC); return __real_realloc(p, n); }
void *__wrap_reallocarray(void *p, size_t c, size_t n) {
  hc_count(HC_REALLOCARRAY);
  return __real_reallocarray(p, c, n);
}
void *__wrap_aligned_alloc(size_t a, size_t n) {
  hc_count(HC_ALIGNED_ALLOC);
  return __real_aligned_alloc(a, n);
}
int __wrap_posix_memalign(void **out, size_t a, size_t n) {
  hc_count(HC_POSIX_MEMALIGN);
  return __real_posix_memalign(out, a, n);
}
void *__wrap_memalign(size_t a, size_t n) { hc_count(HC_MEMALIGN); return __real_memalign(a, n); }
void *__wrap_valloc(size_t n) { hc_count(HC_VALLOC); return __real_valloc(n); }
char *__wrap_strdup(const char *s) { hc_count(HC_STRDUP); return __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { hc_count(HC_STRNDUP); return __real_strndup(s, n); }
void __wrap_free(void *p) { hc_count(HC_FREE); __real_free(p); }

__attribute__((destructor)) static void hc_report(void) {
  const char *path = getenv("HEAPCOUNT_OUT");
  FILE *f = path ? fopen(path, "a") : NULL;
  FILE *out = f ? f : stderr;
  unsigned long allocs = 0, frees = atomic_load(&hc_counts[HC_FREE]);
  fprintf(out, "heapcount");
  for (int k = 0; k < HC_KINDS; k++) {
    unsigned long c = atomic_load(&hc_counts[k]);
    fprintf(out, " %s=%lu", hc_names[k], c);
    if (k != HC_FREE) allocs += c;
  }
  fprintf(out, " allocs=%lu frees=%lu total=%lu\n", allocs, frees, allocs + frees);
  if (f) fclose(f);
}
