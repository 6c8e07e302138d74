//===- tcache.c - the per-thread cache (mcache) and its slow paths --------===//
//
// Part of escape.  The fast paths in alloc.c pop from and push to this
// thread's bins with no lock and no atomic.  Everything else lands here:
// first use of a thread (initialisation), an empty bin (refill a batch from
// the central list), a full bin (hand a batch back), sampling for the heap
// profile, and thread exit (the whole cache goes back to the central lists).
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

__thread esc_tcache_t esc__tc __attribute__((tls_model("initial-exec")));

static void esc_tc_thread_exit(void *arg) {
  esc_tcache_t *tc = arg;
  esc__pool_thread_exit();
  esc__tc_flush(tc);
  tc->state = ESC_TC_DEAD;
  // Frees by later destructors must not land in a cache nobody empties.
  for (unsigned c = 0; c < ESC_NCLASSES; c++) tc->bins[c].room = tc->alt[c].room = 0;
}

void esc__tcache_init_process(void) {
  esc__prim_thread_key_create(esc_tc_thread_exit);
}

static void esc_tc_init(esc_tcache_t *tc) {
  tc->state = ESC_TC_ACTIVE;
  esc_bin_t *bins = esc__options.profile ? tc->alt : tc->bins;
  for (unsigned c = 1; c < ESC_NCLASSES; c++) bins[c].room = esc__class_max[c];
  if (esc__options.profile) esc__profile_init(tc);
  esc__prim_thread_key_set(tc);
}

// esc_tc_ready returns the calling thread's cache, initialising the process
// and the thread as needed; NULL once the thread has exited.
static esc_tcache_t *esc_tc_ready(void) {
  if (esc_unlikely(atomic_load_explicit(&esc__init_state, memory_order_acquire) != 2))
    esc__init();
  esc_tcache_t *tc = &esc__tc;
  if (esc_unlikely(tc->state == ESC_TC_UNINIT)) esc_tc_init(tc);
  return tc->state == ESC_TC_ACTIVE ? tc : NULL;
}

static esc_bin_t *esc_tc_bins(esc_tcache_t *tc) {
  return esc__options.profile ? tc->alt : tc->bins;
}

static void *esc_small_alloc(esc_tcache_t *tc, unsigned cls) {
  if (!tc) {
    void *one = NULL;
    // An exited thread still allocating (a late destructor): take a batch
    // and keep only one object of it.
    uint32_t n = esc__central_refill(cls, &one);
    if (n == 0) return NULL;
    void *rest = *(void **)one;
    if (rest) esc__central_flush(cls, rest, n - 1);
    return one;
  }
  esc_bin_t *bin = &esc_tc_bins(tc)[cls];
  if (!bin->head) {
    void *head = NULL;
    uint32_t n = esc__central_refill(cls, &head);
    if (n == 0) return NULL;
    bin->head = head;
    bin->room = esc__class_max[cls] - n;
  }
  void *p = bin->head;
  bin->head = *(void **)p;
  bin->room++;
  return p;
}

void *esc__malloc_slow(size_t size) {
  esc_tcache_t *tc = esc_tc_ready();
  void *p;
  if (size <= ESC_SMALL_MAX) {
    p = esc_small_alloc(tc, esc__class_of(size));
  } else {
    p = esc__large_alloc(size, 0);
  }
  if (esc_unlikely(!p)) {
    errno = ENOMEM;
    return NULL;
  }
  if (esc__options.profile && tc) esc__profile_sample(tc, p, size);
  return p;
}

// esc_bin_flush hands the first `n` objects of bin (at most all of them)
// back to the central list.
static void esc_bin_flush(esc_bin_t *bin, unsigned cls, uint32_t n) {
  void *head = bin->head, *tail = head;
  uint32_t k = 1;
  for (; k < n && *(void **)tail; k++) tail = *(void **)tail;
  bin->head = *(void **)tail;
  *(void **)tail = NULL;
  bin->room += k;
  esc__central_flush(cls, head, k);
}

static void esc_small_free(esc_tcache_t *tc, void *p, unsigned cls) {
  if (!tc) {
    *(void **)p = NULL;
    esc__central_flush(cls, p, 1);
    return;
  }
  esc_bin_t *bin = &esc_tc_bins(tc)[cls];
  *(void **)p = bin->head;
  bin->head = p;
  if (bin->room > 0) {
    bin->room--;
    return;
  }
  bin->room--; // wraps; the flush below adds the batch back
  esc_bin_flush(bin, cls, esc__class_batch[cls]);
}

void esc__free_slow(void *p) {
  esc_segment_t *seg = esc__segment_of(p);
  if (seg->kind == ESC_SEG_HUGE) {
    if (seg->huge_sampled) esc__profile_forget(p);
    esc__huge_free(seg);
    return;
  }
  esc_span_t *s = esc__span_of(seg, p);
  if (s->sampled) esc__profile_forget(p);
  if (s->state == ESC_SPAN_LARGE) {
    esc__heap_free_span(s);
    esc__scavenger_poll();
    return;
  }
  if (esc_unlikely(s->state != ESC_SPAN_SMALL)) {
    esc__error(EINVAL, "free of a pointer the runtime does not own, or a double free");
    return;
  }
  esc_small_free(esc_tc_ready(), p, s->cls);
}

void esc__tc_flush(esc_tcache_t *tc) {
  for (int k = 0; k < 2; k++) {
    esc_bin_t *bins = k ? tc->alt : tc->bins;
    for (unsigned c = 1; c < ESC_NCLASSES; c++)
      while (bins[c].head) esc_bin_flush(&bins[c], c, esc__class_batch[c]);
  }
}

void esc_thread_done(void) {
  esc_tcache_t *tc = &esc__tc;
  if (tc->state == ESC_TC_ACTIVE) esc__tc_flush(tc);
}
