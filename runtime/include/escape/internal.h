//===- escape/internal.h - cross-file internals of the runtime ---*- C -*-===//
//
// Part of escape.  Functions one runtime file defines and others call,
// grouped by the file that defines them, and the inline helpers of the
// allocation fast path.  Never installed.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_INTERNAL_H
#define ESCAPE_INTERNAL_H

#include "escape.h"
#include "escape/prim.h"
#include "escape/types.h"

#include <errno.h>

// The public API of escape.h, defined under these runtime-internal names;
// ESC_API_ALIAS gives each its public name as a weak alias in the file
// that defines it, so a program with an `esc_free` of its own links, and
// the runtime's calls never reach the program's function.
void *esc__malloc(size_t size);
void esc__free(void *p);
void *esc__calloc(size_t count, size_t size);
void *esc__realloc(void *p, size_t size);
void *esc__reallocarray(void *p, size_t count, size_t size);
size_t esc__usable_size(const void *p);
void *esc__memalign(size_t alignment, size_t size);
int esc__posix_memalign(void **out, size_t alignment, size_t size);
void *esc__valloc(size_t size);
void *esc__pvalloc(size_t size);
esc_pool_t *esc__pool_create(size_t object_size);
void *esc__pool_get(esc_pool_t *pool);
void esc__pool_put(esc_pool_t *pool, void *object);
void esc__pool_destroy(esc_pool_t *pool);
void esc__collect(void);
void esc__thread_done(void);
int esc__stats_get(esc_stats_t *out);
int esc__stats_print(int fd);
int esc__stats_print_classes(int fd);
int esc__profile_write(const char *path);
void esc__register_error(esc_error_fun *fun, void *arg);
#define ESC_API_ALIAS_OF(pub, impl) \
  extern __typeof__(esc__##impl) esc_##pub __attribute__((weak, alias("esc__" #impl)))
#define ESC_API_ALIAS(name) ESC_API_ALIAS_OF(name, name)

// Thread-local data is initial-exec: one load from the thread pointer.  The
// copy of the runtime that escape-cc links into a shared library is built
// with ESC_TLS_DYNAMIC, whose TLS the loader places at dlopen: an
// initial-exec block of 5.9 KiB took more than glibc keeps spare for
// dlopen, and such a library failed to load.
#ifdef ESC_TLS_DYNAMIC
#define ESC_TLS_MODEL
#else
#define ESC_TLS_MODEL __attribute__((tls_model("initial-exec")))
#endif

// "options.c"
extern esc_options_t esc__options;
extern atomic_int esc__init_state; // 0 none, 1 running, 2 done
void esc__init(void);
void esc__fork_handlers_need(void);
void esc__error(int err, const char *msg);
void esc__error_parts(int err, const char *const *parts, int n); // joined on one line
int esc__option_int(const char *name, int64_t lo, int64_t *out); // 1 when set and valid
void esc__assert_fail(const char *cond, const char *file, int line);
void esc__lock(esc_lock_t *l);
void esc__unlock(esc_lock_t *l);
static inline void esc__lock_init(esc_lock_t *l) { atomic_store(&l->v, 0); }

// "sizeclass.c"
extern uint32_t esc__class_size[ESC_NCLASSES];
extern uint32_t esc__class_pages[ESC_NCLASSES];
extern uint32_t esc__class_lead[ESC_NCLASSES];  // a span's pages, cut from resident ones
extern uint32_t esc__class_batch[ESC_NCLASSES];
extern uint32_t esc__class_max[ESC_NCLASSES];
extern uint32_t esc__class_slots[ESC_NCLASSES]; // central transfer batches kept
extern uint8_t esc__class_small[129]; // index (n+7)>>3, n <= 1024
extern uint8_t esc__class_mid[513];   // index (n+63)>>6, n <= 32 KiB
void esc__classes_init(void);

// esc__class_of maps a size <= ESC_SMALL_MAX to its class.
ESC_INLINE unsigned esc__class_of(size_t n) {
  return n <= 1024 ? esc__class_small[(n + 7) >> 3] : esc__class_mid[(n + 63) >> 6];
}

// "heap.c"
extern esc_lock_t esc__heap_lock;
// esc__heap_alloc_class_span takes npages, or only `resident` of them when
// a free span of resident pages holds that many.  NULL when out of memory.
esc_span_t *esc__heap_alloc_class_span(uint32_t npages, uint32_t resident);
ESC_INLINE esc_span_t *esc__heap_alloc_span(uint32_t npages) {
  return esc__heap_alloc_class_span(npages, npages);
}
void esc__heap_free_span(esc_span_t *s);             // pre: no central lock needed
int esc__heap_grow_span(esc_span_t *s, uint32_t npages); // in place, 0 or ENOMEM
// Huge blocks cost a system call each: their code is built for size.
__attribute__((cold)) void *esc__huge_alloc(size_t size, size_t align);
__attribute__((cold)) void esc__huge_free(esc_segment_t *seg);
__attribute__((cold)) int esc__huge_resize(esc_segment_t *seg, size_t size); // in place, 0 or ENOMEM
__attribute__((cold)) void *esc__huge_move(esc_segment_t *seg, size_t size);  // new address or NULL
size_t esc__heap_scavenge(bool force);                 // committed free bytes left
// Set when the pages in use grew by an eighth (and 1 MiB) since the last
// reclaim, past 4 MiB: the next slow path returns the cached objects of
// the classes nobody allocates any more to their spans first
// (esc_tc_reclaim in tcache.c).
extern atomic_int esc__heap_reclaim_wanted;
void esc__heap_fork_prepare(void);
void esc__heap_fork_parent(void);
void esc__heap_fork_child(void);

ESC_INLINE esc_segment_t *esc__segment_of(const void *p) {
  return (esc_segment_t *)(((uintptr_t)p - 1) & ~(uintptr_t)ESC_SEG_MASK);
}
ESC_INLINE size_t esc__page_index(const esc_segment_t *seg, const void *p) {
  return ((uintptr_t)p - (uintptr_t)seg) >> ESC_PAGE_SHIFT;
}
ESC_INLINE esc_span_t *esc__span_of(esc_segment_t *seg, const void *p) {
  return &seg->spans[seg->page_head[esc__page_index(seg, p)]];
}

// "central.c"
extern esc_central_t esc__central[ESC_NCLASSES];
// esc__central_refill hands out up to `want` objects of class cls as a
// list (a whole batch when one waits in a transfer slot); returns its
// length (0: out of memory).
uint32_t esc__central_refill(unsigned cls, uint32_t want, void **head);
// esc__central_alloc_one takes one object of class cls from its spans
// (NULL: out of memory), bypassing the thread cache and transfer slots.
void *esc__central_alloc_one(unsigned cls);
// esc__central_flush takes back the first `most` objects of the list *list
// of class cls (all of them when it holds fewer) and leaves the rest in
// *list; returns how many it took.
uint32_t esc__central_flush(unsigned cls, void **list, uint32_t most);
// esc__central_release gives one object straight back to its span;
// esc__central_return_all a whole list (no transfer slot).
void esc__central_release(unsigned cls, void *p);
void esc__central_return_all(unsigned cls, void *head);
void esc__central_drain_idle(bool force);
void esc__central_fork_prepare(void);
void esc__central_fork_parent(void);
void esc__central_fork_child(void);

// "tcache.c"
extern __thread esc_tcache_t esc__tc;
void *esc__malloc_slow(size_t size);
void esc__free_slow(void *p);
// esc__tc_flush empties this thread's cache; to_spans bypasses the
// transfer slots (nobody is waiting for the batches of an idle thread).
void esc__tc_flush(esc_tcache_t *tc, bool to_spans);
// esc__tcache_take pops an object of class cls from this thread's bin
// without refilling it: NULL when the bin is empty.
void *esc__tcache_take(unsigned cls);
void esc__tcache_init_process(void);
// esc__tcache_trim_idle asks every thread whose cache saw no slow path for
// idle_ms to flush it at its next free (called by the scavenger).
void esc__tcache_trim_idle(uint64_t now_ms, uint64_t idle_ms);
// esc__tcache_counts adds the central batches of the live threads.
void esc__tcache_counts(uint64_t *refills, uint64_t *flushes);
void esc__tcache_fork_prepare(void);
void esc__tcache_fork_parent(void);
void esc__tcache_fork_child(void);

// "alloc.c"
void *esc__large_alloc(size_t size, size_t align);
esc_span_t *esc__tc_large_take(uint32_t np);
size_t esc__block_usable(const void *p);

// "scavenger.c"
// esc__scavenger_want asks for the background thread (any context);
// esc__scavenger_poll starts it when asked.  pre: no runtime lock held.
void esc__scavenger_want(void);
void esc__scavenger_poll(void);
void esc__scavenger_fork_child(void);

// esc__heap_walk calls fn on every span of the page heap that is in use,
// under the heap lock (fn must not allocate).
void esc__heap_walk(void (*fn)(const esc_span_t *s, void *arg), void *arg);

// "stats.c"
extern esc_counters_t esc__counters;
void esc__stat_add(atomic_uint_fast64_t *c, uint64_t n);
void esc__stat_sub(atomic_uint_fast64_t *c, uint64_t n);
void esc__committed_add(uint64_t n);
int esc__fmt_u64(char *buf, uint64_t v, int base); // returns length

// "profile.c"
void esc__profile_init(esc_tcache_t *tc);
// esc__profile_sample samples an allocation; `ra` is the slow path's return
// address, where the program's own frames begin unless an entry point
// recorded its caller (esc__profile_enter).
void esc__profile_sample(esc_tcache_t *tc, void *p, size_t size, void *ra);
void esc__profile_forget(void *p);
void esc__profile_at_exit(void);
void esc__profile_fork_prepare(void);
void esc__profile_fork_parent(void);
void esc__profile_fork_child(void);

// "pool.c"
void esc__pool_thread_exit(void);

// esc__profile_enter notes, while profiling, the program's call of an
// entry point that allocates through malloc (calloc, realloc), so samples
// start at the program's frame, not the runtime's; the outermost entry
// wins.  Returns what esc__profile_leave restores.
ESC_INLINE void *esc__profile_enter(void *caller) {
  if (esc_likely(!esc__options.profile)) return NULL;
  void *outer = esc__tc.caller;
  if (!outer) esc__tc.caller = caller;
  return outer;
}

// (Without the profile, outer and the field are both NULL.)
ESC_INLINE void esc__profile_leave(void *outer) { esc__tc.caller = outer; }

// esc__malloc_fast: a class lookup and a pop from this thread's bin.
ESC_INLINE void *esc__malloc_fast(size_t size) {
  // The common small size is tested first: one compare, one table.
  if (esc_likely(size <= 1024) || size <= ESC_SMALL_MAX) {
    esc_bin_t *bin = &esc__tc.bins[esc__class_of(size)];
    void *p = bin->head;
    if (esc_likely(p != NULL)) {
      void *next = *(void **)p;
      bin->head = next;
      bin->pops++;
      // The next pop loads this object's link; start that load now.  A bin
      // refilled from objects freed long ago is cold (binary trees built
      // after a tree of 131,071 nodes was freed: 0.78 -> 0.72 s).
      __builtin_prefetch(next, 1);
      return p;
    }
  }
  return esc__malloc_slow(size);
}

// esc__free_fast: the page's class and a push on this thread's bin.  Class
// 0 (large, huge, not ours) has no room, so it always takes the slow path.
// `room` is read and written with plain moves here; the only other writer,
// the scavenger's trim request, is an aligned 32-bit store that at worst
// gets overwritten (and is repeated), so the fast path pays no atomics.
ESC_INLINE void esc__free_fast(void *p) {
  if (esc_unlikely(p == NULL)) return;
  esc_segment_t *seg = esc__segment_of(p);
  esc_bin_t *bin = &esc__tc.bins[seg->page_cls[esc__page_index(seg, p)]];
  uint32_t room = bin->room;
  void *local = bin->local;
  // p equal to the last object this bin took back is a double free: the
  // slow path reports it (pushed again, p would come back from two mallocs).
  if (esc_likely(room != 0)) {
    if (esc_unlikely(p == local)) goto slow;
    *(void **)p = local;
    bin->local = p;
    bin->room = room - 1;
    return;
  }
  // Out of room: the pops since the last look give it back, unless the
  // scavenger asked for a trim (then the slow path flushes the cache).
  uint32_t pops = bin->pops;
  if (pops != 0 && p != local && !atomic_load_explicit(&esc__tc.trim, memory_order_relaxed)) {
    *(void **)p = local;
    bin->local = p;
    bin->pops = 0;
    bin->took = ESC_TOOK_NOW | ESC_TOOK_EVER;
    __atomic_store_n(&bin->room, pops - 1, __ATOMIC_RELAXED);
    return;
  }
slow:
  esc__free_slow(p);
}

// Overflow-checked multiplication.
ESC_INLINE bool esc__mul_overflow(size_t a, size_t b, size_t *out) {
  return __builtin_mul_overflow(a, b, out);
}

// "arena.c"
// esc__arena_is_valid reports whether the calling thread's frame arena keeps
// its invariants; for tests and debug checks.
int esc__arena_is_valid(void);

#endif // ESCAPE_INTERNAL_H
