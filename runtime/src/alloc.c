//===- alloc.c - the esc_ allocation interface and its fast paths ---------===//
//
// Part of escape.  esc_malloc and esc_free are a table lookup and a pop or
// push on this thread's cache bin; everything else goes to tcache.c.  Also
// large blocks (one span each), aligned allocation, usable size and realloc.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#include <string.h>

void *esc__malloc(size_t size) { return esc__malloc_fast(size); }

void esc__free(void *p) { esc__free_fast(p); }

// esc__large_alloc serves blocks above ESC_SMALL_MAX (and over-aligned
// ones): a span of their own up to ESC_LARGE_MAX, a mapping beyond.
void *esc__large_alloc(size_t size, size_t align) {
  if (align < ESC_PAGE_SIZE) align = 0;
  if (size > ESC_LARGE_MAX || align > ESC_LARGE_MAX / 4) {
    void *p = esc__huge_alloc(size, align);
    if (!p) errno = ENOMEM;
    return p;
  }
  size_t need = size + (align ? align - ESC_PAGE_SIZE : 0);
  uint32_t np = (uint32_t)((need + ESC_PAGE_SIZE - 1) >> ESC_PAGE_SHIFT);
  esc_span_t *s = align ? NULL : esc__tc_large_take(np);
  if (s) return s->start;
  s = esc__heap_alloc_span(np);
  if (!s) {
    errno = ENOMEM;
    return NULL;
  }
  s->state = ESC_SPAN_LARGE;
  if (!align) return s->start;
  uintptr_t a = ((uintptr_t)s->start + align - 1) & ~(uintptr_t)(align - 1);
  return (void *)a;
}

size_t esc__block_usable(const void *p) {
  esc_segment_t *seg = esc__segment_of(p);
  if (seg->kind == ESC_SEG_HUGE) return seg->huge_usable;
  esc_span_t *s = esc__span_of(seg, p);
  if (s->state == ESC_SPAN_SMALL) return esc__class_size[s->cls];
  return (size_t)(s->start + (size_t)s->npages * ESC_PAGE_SIZE - (const char *)p);
}

size_t esc__usable_size(const void *p) { return p ? esc__block_usable(p) : 0; }

static void *esc_calloc_in(size_t count, size_t size) {
  size_t n;
  if (esc__mul_overflow(count, size, &n)) {
    errno = ENOMEM;
    return NULL;
  }
  void *p = esc__malloc(n);
  if (!p) return NULL;
  esc_segment_t *seg = esc__segment_of(p);
  // Fresh pages read as zero: a reused mapping is cleared only as far as
  // its old blocks reached, a grown one not past them.
  if (seg->kind == ESC_SEG_HUGE) {
    memset(p, 0, n < seg->huge_dirty ? n : seg->huge_dirty);
    return p;
  }
  // A large block on pages that came fresh from the OS (or were released
  // to it) is zero already: clearing it would make every page resident,
  // where a program that fills a big table sparsely touches a few (glibc's
  // calloc skips fresh memory too).
  if (n > ESC_SMALL_MAX) {
    esc_span_t *s = esc__span_of(seg, p);
    if (s->state == ESC_SPAN_LARGE && s->zero) return p;
  }
  memset(p, 0, n);
  return p;
}

// esc_grow_large extends the large block p to size bytes inside its span,
// taking pages from the free span after it.
static bool esc_grow_large(esc_span_t *s, void *p, size_t size) {
  size_t need = (size_t)((char *)p - s->start) + size;
  return esc__heap_grow_span(s, (uint32_t)((need + ESC_PAGE_SIZE - 1) >> ESC_PAGE_SHIFT)) == 0;
}

// esc_realloc_in_place reports whether p now holds size bytes without
// moving: a huge block remapped, or a large span grown into its free
// neighbour (with 1/4 slack when there is room, so appends rarely come back).
static bool esc_realloc_in_place(void *p, size_t size) {
  esc_segment_t *seg = esc__segment_of(p);
  if (seg->kind == ESC_SEG_HUGE)
    return size > ESC_LARGE_MAX && esc__huge_resize(seg, size + size / 8) == 0;
  esc_span_t *s = esc__span_of(seg, p);
  if (s->state != ESC_SPAN_LARGE || size > ESC_LARGE_MAX || size <= esc__block_usable(p))
    return false;
  size_t slack = size + size / 4;
  return (slack <= ESC_LARGE_MAX && esc_grow_large(s, p, slack)) || esc_grow_large(s, p, size);
}

// esc_realloc_free frees the block a realloc moved away from.  A small block
// of 256 bytes or more goes straight back to its span instead of the thread
// cache, and a large one to the page heap instead of the thread's large
// slots: a growing buffer leaves one block of every size it passes
// through, and cached they would pin whole spans (realloc workload: 6.5 ->
// 6.7 MiB with the large ones kept).
static void esc_realloc_free(void *p, size_t usable) {
  esc_segment_t *seg = esc__segment_of(p);
  if (usable >= 256 && seg->kind == ESC_SEG_SPANS) {
    esc_span_t *s = esc__span_of(seg, p);
    if (s->state == ESC_SPAN_SMALL && !s->sampled) {
      esc__central_release(s->cls, p);
      return;
    }
    if (s->state == ESC_SPAN_LARGE && !s->sampled) {
      esc__heap_free_span(s);
      esc__scavenger_poll();
      return;
    }
  }
  esc__free(p);
}

// Blocks that realloc grows past this size leave the size classes.
#define ESC_REALLOC_PAGED ((size_t)4096)

// esc_realloc_grown allocates the block a growing realloc moves to.  Past
// ESC_REALLOC_PAGED it gets a span of its own: it grows in place into the
// pages after it while they are free, and the pages it leaves go back to
// the page heap whole, where any size can reuse them.  A small step (to less
// than 5/4 of the old block, as appends do) gets 1/4 slack, so such growth
// copies O(log n) times; a caller that doubles gets what it asked for.  A
// block above 256 bytes comes from the class's spans directly: none is
// left waiting in the thread cache for a buffer that has moved on.  Through
// the size classes and the cache instead, 64 buffers appended to by small
// steps (realloc workload) peaked at 7.7 MiB RSS against glibc's 6.5.  An
// object the thread cache holds already is taken first, though: a buffer
// grown and freed per call (a token array) frees its last block to the
// cache, and taking the next from the spans left each call's block there,
// flushed on to the transfer slots: 5,000 calls held 241 KiB of 384-byte
// blocks (test/acceptance/programs/jsontok.c).
static void *esc_realloc_grown(size_t size, size_t usable) {
  if (esc__options.profile || size <= 256 || size <= usable) return esc__malloc(size);
  if (size <= ESC_REALLOC_PAGED) {
    unsigned cls = esc__class_of(size);
    void *p = esc__tcache_take(cls);
    return p ? p : esc__central_alloc_one(cls);
  }
  size_t want = size < usable + usable / 4 ? size + size / 4 : size;
  if (want > ESC_LARGE_MAX) want = size;
  return want <= ESC_LARGE_MAX ? esc__large_alloc(want, 0) : esc__malloc(size);
}

static void *esc_realloc_in(void *p, size_t size) {
  if (!p) return esc__malloc(size);
  if (size == 0) {
    esc__free(p);
    return NULL;
  }
  size_t usable = esc__block_usable(p);
  if (size <= usable && size >= usable / 2) return p;
  if (esc_realloc_in_place(p, size)) return p;
  esc_segment_t *seg = esc__segment_of(p);
  if (seg->kind == ESC_SEG_HUGE && size > ESC_LARGE_MAX && !seg->huge_sampled) {
    void *q = esc__huge_move(seg, size + size / 8);
    if (q) return q;
  }
  void *q = esc_realloc_grown(size, usable);
  if (!q) q = esc__malloc(size);
  if (!q) return NULL;
  memcpy(q, p, usable < size ? usable : size);
  esc_realloc_free(p, usable);
  return q;
}

// The entry points that allocate through malloc tell the heap profile where
// the program called them.
void *esc__calloc(size_t count, size_t size) {
  void *outer = esc__profile_enter(__builtin_return_address(0));
  void *p = esc_calloc_in(count, size);
  esc__profile_leave(outer);
  return p;
}

void *esc__realloc(void *p, size_t size) {
  void *outer = esc__profile_enter(__builtin_return_address(0));
  void *q = esc_realloc_in(p, size);
  esc__profile_leave(outer);
  return q;
}

void *esc__reallocarray(void *p, size_t count, size_t size) {
  size_t n;
  if (esc__mul_overflow(count, size, &n)) {
    errno = ENOMEM;
    return NULL;
  }
  return esc__realloc(p, n);  // a count of 0 frees p, as realloc(p, 0) and glibc
}

// --- Aligned allocation

static bool esc_is_pow2(size_t a) { return a && !(a & (a - 1)); }

// esc_aligned_small finds a class whose objects are all `align`-aligned
// (its size is a multiple of align, spans start page-aligned).
static void *esc_aligned_small(size_t size, size_t align) {
  for (unsigned c = esc__class_of(size); c < ESC_NCLASSES; c++)
    if (esc__class_size[c] % align == 0) return esc__malloc(esc__class_size[c]);
  return NULL;
}

static void *esc_aligned(size_t align, size_t size) {
  if (align <= ESC_MIN_ALIGN) return esc__malloc(size < align ? align : size);
  if (size > SIZE_MAX - align) {
    errno = ENOMEM;
    return NULL;
  }
  if (atomic_load_explicit(&esc__init_state, memory_order_acquire) != 2) esc__init();
  if (align <= ESC_PAGE_SIZE && size <= ESC_SMALL_MAX) {
    void *p = esc_aligned_small(size ? size : 1, align);
    if (p) return p;
  }
  return esc__large_alloc(size ? size : 1, align);
}

// aligned_alloc and memalign answer as glibc 2.36's do (aligned_alloc is
// memalign there): an alignment of at most 16 is malloc's, one that is not a
// power of two is rounded up to the next, and only one past SIZE_MAX / 2 + 1
// fails with EINVAL.  A program that asked for 24 got a block under glibc
// and NULL here.
void *esc__memalign(size_t align, size_t size) {
  if (align > SIZE_MAX / 2 + 1) {
    errno = EINVAL;
    return NULL;
  }
  size_t a = ESC_MIN_ALIGN;
  while (a < align) a <<= 1;
  return esc_aligned(a, size);
}

int esc__posix_memalign(void **out, size_t align, size_t size) {
  if (!out || !esc_is_pow2(align) || align % sizeof(void *) != 0) return EINVAL;
  int saved = errno;
  void *p = esc_aligned(align, size);
  if (!p) {
    errno = saved;
    return ENOMEM;
  }
  *out = p;
  return 0;
}

void *esc__valloc(size_t size) { return esc_aligned(esc__prim_page_size(), size); }

void *esc__pvalloc(size_t size) {
  size_t page = esc__prim_page_size();
  if (size > SIZE_MAX - page) {
    errno = ENOMEM;
    return NULL;
  }
  size_t n = (size + page - 1) & ~(page - 1);
  return esc_aligned(page, n ? n : page);
}

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(malloc);
ESC_API_ALIAS(free);
ESC_API_ALIAS(calloc);
ESC_API_ALIAS(realloc);
ESC_API_ALIAS(reallocarray);
ESC_API_ALIAS(usable_size);
ESC_API_ALIAS(memalign);
ESC_API_ALIAS_OF(aligned_alloc, memalign);
ESC_API_ALIAS(posix_memalign);
ESC_API_ALIAS(valloc);
ESC_API_ALIAS(pvalloc);
