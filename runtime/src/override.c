//===- override.c - the C library's malloc family, served by escape -------===//
//
// Part of escape.  The only file that defines malloc, free and friends; they
// have default visibility so LD_PRELOAD=libescape-rt.so and static links
// replace the C library's allocator.  libescape-rt-core.a leaves this file
// out for programs that keep libc's malloc (e.g. with -fsanitize=address).
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#define ESC_PUBLIC __attribute__((visibility("default")))
// Names the C standard does not reserve: a program may define its own
// (a `memalign` or `valloc` of other meaning), which a static link takes
// over these instead of failing on two definitions.  LD_PRELOAD binds weak
// definitions as it does strong ones.
#define ESC_PUBLIC_WEAK __attribute__((visibility("default"), weak))

ESC_PUBLIC void *malloc(size_t size) { return esc__malloc_fast(size); }
ESC_PUBLIC void free(void *p) { esc__free_fast(p); }
ESC_PUBLIC_WEAK void cfree(void *p) { esc__free_fast(p); }
ESC_PUBLIC void *calloc(size_t n, size_t size) { return esc__calloc(n, size); }
ESC_PUBLIC void *realloc(void *p, size_t size) { return esc__realloc(p, size); }
ESC_PUBLIC_WEAK void *reallocarray(void *p, size_t n, size_t size) {
  return esc__reallocarray(p, n, size);
}
ESC_PUBLIC void *aligned_alloc(size_t align, size_t size) {
  return esc__memalign(align, size);
}
ESC_PUBLIC_WEAK int posix_memalign(void **out, size_t align, size_t size) {
  return esc__posix_memalign(out, align, size);
}
ESC_PUBLIC_WEAK void *memalign(size_t align, size_t size) { return esc__memalign(align, size); }
ESC_PUBLIC_WEAK void *valloc(size_t size) { return esc__valloc(size); }
ESC_PUBLIC_WEAK void *pvalloc(size_t size) { return esc__pvalloc(size); }
ESC_PUBLIC_WEAK size_t malloc_usable_size(void *p) { return esc__usable_size(p); }
