//===- tcache.c - the per-thread cache (mcache) and its slow paths --------===//
//
// Part of escape.  The fast paths in internal.h pop from and push to this
// thread's bins with no lock and no atomic read-modify-write.  Everything
// else lands here: first use of a thread (initialisation), an empty bin
// (refill a batch from the central list), a full bin (hand a batch back),
// sampling for the heap profile, a trim the scavenger asked for, and thread
// exit (the whole cache goes back to the central lists).
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

__thread esc_tcache_t esc__tc ESC_TLS_MODEL;

static esc_lock_t esc_tc_reg_lock;
static esc_tcache_t *esc_tc_reg; // live caches, for the scavenger

static uint32_t esc_room(esc_bin_t *bin) {
  return __atomic_load_n(&bin->room, __ATOMIC_RELAXED);
}

static void esc_room_set(esc_bin_t *bin, uint32_t room) {
  __atomic_store_n(&bin->room, room, __ATOMIC_RELAXED);
}

// esc_tc_note adds n to a counter only its thread writes: a load and a
// store, no locked instruction.
static void esc_tc_note(atomic_uint_fast64_t *c, uint64_t n) {
  atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + n,
                        memory_order_relaxed);
}

static void esc_tc_register(esc_tcache_t *tc) {
  esc__lock(&esc_tc_reg_lock);
  tc->reg_prev = NULL;
  tc->reg_next = esc_tc_reg;
  if (esc_tc_reg) esc_tc_reg->reg_prev = tc;
  esc_tc_reg = tc;
  esc__unlock(&esc_tc_reg_lock);
}

static void esc_tc_unregister(esc_tcache_t *tc) {
  esc__lock(&esc_tc_reg_lock);
  if (tc->reg_prev) tc->reg_prev->reg_next = tc->reg_next;
  else esc_tc_reg = tc->reg_next;
  if (tc->reg_next) tc->reg_next->reg_prev = tc->reg_prev;
  tc->reg_next = tc->reg_prev = NULL;
  esc__unlock(&esc_tc_reg_lock);
}

static size_t esc_alt_bytes(void) {
  size_t page = esc__prim_page_size();
  return (sizeof(esc_bin_t) * ESC_NCLASSES + page - 1) & ~(page - 1);
}

__attribute__((cold)) static void esc_tc_thread_exit(void *arg) {
  esc_tcache_t *tc = arg;
  esc_tc_unregister(tc);
  esc__pool_thread_exit();
  esc__tc_flush(tc, false);
  tc->state = ESC_TC_DEAD;
  // Out of the registry: its batches count in the totals from now on.
  esc__stat_add(&esc__counters.refills, atomic_load_explicit(&tc->refills, memory_order_relaxed));
  esc__stat_add(&esc__counters.flushes, atomic_load_explicit(&tc->flushes, memory_order_relaxed));
  atomic_store_explicit(&tc->refills, 0, memory_order_relaxed);
  atomic_store_explicit(&tc->flushes, 0, memory_order_relaxed);
  // Frees by later destructors must not land in a cache nobody empties;
  // a dead cache serves nothing, so `alt` goes.
  for (unsigned c = 0; c < ESC_NCLASSES; c++) esc_room_set(&tc->bins[c], 0);
  if (tc->alt) {
    esc__prim_unmap(tc->alt, esc_alt_bytes());
    tc->alt = NULL;
  }
}

void esc__tcache_init_process(void) {
  esc__prim_thread_key_create(esc_tc_thread_exit);
}

// esc_tc_bins: the serving set.  With the profile on and `alt` not mapped
// (the OS refused a page) the fast path serves, and that thread's fast-path
// allocations go unsampled.
static esc_bin_t *esc_tc_bins(esc_tcache_t *tc) {
  return tc->alt ? tc->alt : tc->bins;
}

// A bin's first limit: small, so a class used once holds a few objects.
#define ESC_LIM_START 4

static uint32_t esc_lim_start(unsigned cls) {
  return esc__class_max[cls] < ESC_LIM_START ? esc__class_max[cls] : ESC_LIM_START;
}

// esc_bin_reset gives an empty bin its starting limit (serving bins) or
// none (the set the fast path must not use).
static void esc_bin_reset(esc_bin_t *bin, unsigned cls, bool serving) {
  bin->pops = 0;
  bin->lim = serving ? esc_lim_start(cls) : 0;
  esc_room_set(bin, bin->lim);
}

// esc_lim_grow: the doubled limit of bin cls, within its class's budget.
static uint32_t esc_lim_grow(const esc_bin_t *bin, unsigned cls) {
  uint32_t lim = bin->lim * 2;
  if (lim > esc__class_max[cls]) lim = esc__class_max[cls];
  return lim > bin->lim ? lim : bin->lim;
}

// esc_bin_take_local pops the first of the bin's freed objects, which
// become its `head`; NULL when there are none.  pre: head is empty.
static void *esc_bin_take_local(esc_bin_t *bin) {
  void *p = bin->local;
  if (!p) return NULL;
  bin->head = *(void **)p;
  bin->local = NULL;
  bin->pops++;
  bin->took = ESC_TOOK_NOW | ESC_TOOK_EVER;
  return p;
}

// esc_bin_pop takes an object from the bin, `head` first, without
// refilling it; NULL when the bin is empty.
static void *esc_bin_pop(esc_bin_t *bin) {
  void *p = bin->head;
  if (!p) return esc_bin_take_local(bin);
  bin->head = *(void **)p;
  bin->pops++;
  bin->took = ESC_TOOK_NOW | ESC_TOOK_EVER;
  return p;
}

void *esc__tcache_take(unsigned cls) {
  esc_tcache_t *tc = &esc__tc;
  return tc->state == ESC_TC_ACTIVE ? esc_bin_pop(&esc_tc_bins(tc)[cls]) : NULL;
}

__attribute__((cold)) static void esc_tc_init(esc_tcache_t *tc) {
  tc->state = ESC_TC_ACTIVE;
  void *alt = NULL;
  if (esc__options.profile && esc__prim_map(esc_alt_bytes(), &alt) == 0) tc->alt = alt;
  esc_bin_t *bins = esc_tc_bins(tc);
  for (unsigned c = 1; c < ESC_NCLASSES; c++) esc_bin_reset(&bins[c], c, true);
  if (esc__options.profile) esc__profile_init(tc);
  esc__prim_thread_key_set(tc);
  esc_tc_register(tc);
  static atomic_uint caches;
  if (atomic_fetch_add_explicit(&caches, 1, memory_order_relaxed) == 1)
    esc__fork_handlers_need();
}

// esc_bin_to_spans hands both lists of a bin back to their spans, as one
// flush; the caller sets the bin's room.
static void esc_bin_to_spans(esc_tcache_t *tc, esc_bin_t *bin, unsigned cls) {
  if (!bin->head && !bin->local) return;
  if (bin->head) esc__central_return_all(cls, bin->head);
  if (bin->local) esc__central_return_all(cls, bin->local);
  bin->head = bin->local = NULL;
  esc_tc_note(&tc->flushes, 1);
}

// esc_tc_reclaim hands back to their spans the objects of the bins malloc
// took nothing from since the previous reclaim (esc__heap_reclaim_wanted);
// a bin it took from is only marked, for the next one to look at.
__attribute__((cold)) static void esc_tc_reclaim(esc_tcache_t *tc) {
  esc_bin_t *bins = esc_tc_bins(tc);
  for (unsigned c = 1; c < ESC_NCLASSES; c++) {
    esc_bin_t *bin = &bins[c];
    if (!bin->head && !bin->local) continue;
    if (bin->pops != 0 || (bin->took & ESC_TOOK_NOW)) {
      esc_room_set(bin, esc_room(bin) + bin->pops);
      bin->pops = 0;
      bin->took &= ESC_TOOK_EVER;
      continue;
    }
    esc_bin_to_spans(tc, bin, c);
    esc_room_set(bin, bin->lim);
  }
}

// esc_tc_slow counts a slow-path call, flushing the cache first when the
// scavenger found the thread idle.
static void esc_tc_slow(esc_tcache_t *tc) {
  uint64_t n = atomic_load_explicit(&tc->slow, memory_order_relaxed);
  atomic_store_explicit(&tc->slow, n + 1, memory_order_relaxed);
  if (esc_unlikely(atomic_load_explicit(&tc->trim, memory_order_relaxed))) {
    atomic_store_explicit(&tc->trim, 0, memory_order_relaxed);
    esc__tc_flush(tc, true);
  }
  if (esc_unlikely(atomic_load_explicit(&esc__heap_reclaim_wanted, memory_order_relaxed)) &&
      atomic_exchange_explicit(&esc__heap_reclaim_wanted, 0, memory_order_relaxed))
    esc_tc_reclaim(tc);
}

// esc_tc_ready returns the calling thread's cache, initialising the process
// and the thread as needed; NULL once the thread has exited.
static esc_tcache_t *esc_tc_ready(void) {
  if (esc_unlikely(atomic_load_explicit(&esc__init_state, memory_order_acquire) != 2))
    esc__init();
  esc_tcache_t *tc = &esc__tc;
  if (esc_unlikely(tc->state == ESC_TC_UNINIT)) esc_tc_init(tc);
  if (tc->state != ESC_TC_ACTIVE) return NULL;
  esc_tc_slow(tc);
  return tc;
}

static void *esc_small_alloc(esc_tcache_t *tc, unsigned cls) {
  if (!tc) {
    void *one = NULL;
    // An exited thread still allocating (a late destructor): take a batch
    // and keep only one object of it.
    uint32_t n = esc__central_refill(cls, 1, &one);
    esc__stat_add(&esc__counters.refills, 1);
    if (n == 0) return NULL;
    void *rest = *(void **)one;
    if (rest) {
      esc__central_flush(cls, &rest, n - 1);
      esc__stat_add(&esc__counters.flushes, 1);
    }
    return one;
  }
  esc_bin_t *bin = &esc_tc_bins(tc)[cls];
  // A bin its thread never allocated from holds only objects the thread
  // freed, which other threads allocated: their neighbours on the same
  // cache line may be in use there.  Its first allocation refills, so a
  // thread that frees a block it was handed and then allocates the same
  // size does not write next to the giver's blocks (passive false sharing:
  // four threads on 8-byte blocks ran 1.6x slower); the freed objects
  // follow the refill's.
  bool first = !(bin->took & ESC_TOOK_EVER);
  uint32_t local = 0;
  if (first && !bin->head) {
    uint32_t room = esc_room(bin) + bin->pops;
    local = bin->lim > room ? bin->lim - room : 0;
  } else {
    void *p = esc_bin_pop(bin);
    if (p) return p;
  }
  // A miss: the bin held too little, so its limit doubles (and the refill
  // with it) within the class's budget.
  uint32_t lim = esc_lim_grow(bin, cls);
  void *head = NULL;
  uint32_t n = esc__central_refill(cls, lim, &head);
  esc_tc_note(&tc->refills, 1);
  if (n == 0) return first ? esc_bin_pop(bin) : NULL;
  if (n > lim) lim = n; // a whole transfer batch
  bin->head = head;
  bin->pops = 0;
  bin->lim = lim;
  esc_room_set(bin, lim > n + local ? lim - n - local : 0);
  return esc_bin_pop(bin);
}

void *esc__malloc_slow(size_t size) {
  // The bin's own freed objects take over when `head` runs dry.  This is
  // not counted as a slow path, so a quiet thread that mallocs and frees
  // now and then still looks idle to the scavenger.
  esc_tcache_t *self = &esc__tc;
  if (size <= ESC_SMALL_MAX && self->state == ESC_TC_ACTIVE && !esc__options.profile &&
      !atomic_load_explicit(&self->trim, memory_order_relaxed)) {
    esc_bin_t *bin = &self->bins[esc__class_of(size)];
    void *p = bin->took & ESC_TOOK_EVER ? esc_bin_take_local(bin) : NULL;
    if (p) return p;
  }
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
  if (esc__options.profile && tc) esc__profile_sample(tc, p, size, __builtin_return_address(0));
  return p;
}

// esc_bin_flush hands back up to n objects, the freed ones (`local`) first.
static uint32_t esc_bin_flush(esc_tcache_t *tc, esc_bin_t *bin, unsigned cls, uint32_t n) {
  uint32_t k = bin->local ? esc__central_flush(cls, &bin->local, n) : 0;
  if (k < n && bin->head) k += esc__central_flush(cls, &bin->head, n - k);
  esc_tc_note(&tc->flushes, 1);
  return k;
}

static void esc_small_free(esc_tcache_t *tc, void *p, unsigned cls) {
  if (!tc) {
    *(void **)p = NULL;
    esc__central_flush(cls, &p, 1);
    esc__stat_add(&esc__counters.flushes, 1);
    return;
  }
  esc_bin_t *bin = &esc_tc_bins(tc)[cls];
  uint32_t room = esc_room(bin) + bin->pops;
  bin->pops = 0;
  *(void **)p = bin->local;
  bin->local = p;
  if (room != 0) {
    esc_room_set(bin, room - 1);
    return;
  }
  // Overflow: the bin holds lim + 1.  Its limit doubles within the class's
  // budget; it keeps half its limit and hands back the rest, at most a
  // batch, as one chain another thread can take whole.  A bin malloc took
  // nothing from since its last overflow only frees (a consumer of objects
  // another thread allocates): it holds at most a batch and hands all of it
  // over, so the objects wait where the allocating thread can take them,
  // not in this thread's cache (producer/consumer: 0.25 MiB less).  A bin
  // this thread never allocated from holds half a batch, which goes to the
  // spans, not a transfer slot: the producer takes the objects there again,
  // and a class in flight costs neither thread a batch (prodcons: peak RSS
  // 3.3 -> 2.7 MiB, glibc's 2.8, for 45% more instructions and about the
  // same wall time).  A thread that allocated the class (a program that
  // frees all it built, to build again) keeps handing whole batches.
  uint32_t held = bin->lim + 1, lim = esc_lim_grow(bin, cls), batch = esc__class_batch[cls];
  bool now = bin->took & ESC_TOOK_NOW;
  uint32_t most = bin->took & ESC_TOOK_EVER || batch < 2 ? batch : batch / 2;
  if (!now && lim > most) lim = most;
  uint32_t k = now ? held - lim / 2 : held - 1;
  if (k > batch) k = batch;
  k = esc_bin_flush(tc, bin, cls, k);
  bin->lim = lim;
  bin->took &= ESC_TOOK_EVER;
  esc_room_set(bin, lim > held - k ? lim - (held - k) : 0);
}

// esc_tc_large_keep keeps the large span s in an empty slot of tc, or else
// in the slots in turn, handing back the span the slot held; returns s when
// it is too big to keep.
static esc_span_t *esc_tc_large_keep(esc_tcache_t *tc, esc_span_t *s) {
  if (s->npages > ESC_TC_LARGE_PAGES) return s;
  unsigned k = 0;
  while (k < ESC_TC_LARGE && tc->large[k]) k++;
  if (k == ESC_TC_LARGE) k = tc->large_next++ % ESC_TC_LARGE;
  esc_span_t *old = tc->large[k];
  s->state = ESC_SPAN_CACHED;
  s->zero = 0;    // its pages hold the old block
  s->sampled = 0; // forgotten by the profile already
  tc->large[k] = s;
  if (old) old->state = ESC_SPAN_LARGE;
  return old;
}

// esc__tc_large_take returns the smallest span of np to np + np/4 pages
// this thread kept, or NULL.  With four slots, taking the first that fits,
// four threads churning 16 B-64 KiB blocks missed them for 30% of their
// large blocks, each miss a span from the page heap and its lock
// (runtime/bench/threadpool: 243,642 spans a run, 133,014 with eight).
// Taking spans of up to twice the need missed less (91,255) but held pages
// the blocks did not use: 153.8 MiB peak RSS against 122.4 for four threads
// churning 4-64 KiB blocks.
esc_span_t *esc__tc_large_take(uint32_t np) {
  esc_tcache_t *tc = &esc__tc;
  if (tc->state != ESC_TC_ACTIVE) return NULL;
  unsigned best = ESC_TC_LARGE;
  for (unsigned k = 0; k < ESC_TC_LARGE; k++) {
    esc_span_t *s = tc->large[k];
    if (!s || s->npages < np || s->npages > np + np / 4) continue;
    if (best == ESC_TC_LARGE || s->npages < tc->large[best]->npages) best = k;
    if (s->npages == np) break;
  }
  if (best == ESC_TC_LARGE) return NULL;
  esc_span_t *s = tc->large[best];
  tc->large[best] = NULL;
  s->state = ESC_SPAN_LARGE;
  return s;
}

// esc_tc_large_flush hands every kept large span back to the page heap.
__attribute__((cold)) static void esc_tc_large_flush(esc_tcache_t *tc) {
  for (unsigned k = 0; k < ESC_TC_LARGE; k++) {
    esc_span_t *s = tc->large[k];
    tc->large[k] = NULL;
    if (s) {
      s->state = ESC_SPAN_LARGE;
      esc__heap_free_span(s);
    }
  }
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
    esc_tcache_t *tc = esc_tc_ready();
    s = tc ? esc_tc_large_keep(tc, s) : s;
    if (s) {
      esc__heap_free_span(s);
      esc__scavenger_poll();
    }
    return;
  }
  esc_tcache_t *tc = esc_tc_ready();
  if (esc_unlikely(s->state != ESC_SPAN_SMALL) ||
      (tc && esc_unlikely(p == esc_tc_bins(tc)[s->cls].local))) {
    esc__error(EINVAL, "free of a pointer the runtime does not own, or a double free");
    return;
  }
  esc_small_free(tc, p, s->cls);
}

// esc__tc_flush empties both sets of bins; the serving set gets its full
// room back, the other (the fast path's while profiling) stays at none.
void esc__tc_flush(esc_tcache_t *tc, bool to_spans) {
  esc_tc_large_flush(tc);
  esc_bin_t *serving = esc_tc_bins(tc);
  for (int k = 0; k < 2; k++) {
    esc_bin_t *bins = k ? tc->alt : tc->bins;
    if (!bins) continue;
    for (unsigned c = 1; c < ESC_NCLASSES; c++) {
      // A trim: both lists go back to their spans, one flush.
      if (to_spans) esc_bin_to_spans(tc, &bins[c], c);
      while (bins[c].head || bins[c].local) esc_bin_flush(tc, &bins[c], c, esc__class_batch[c]);
      esc_bin_reset(&bins[c], c, bins == serving);
    }
  }
}

void esc__thread_done(void) {
  esc_tcache_t *tc = &esc__tc;
  if (tc->state == ESC_TC_ACTIVE) esc__tc_flush(tc, false);
}

void esc__tcache_trim_idle(uint64_t now_ms, uint64_t idle_ms) {
  esc__lock(&esc_tc_reg_lock);
  for (esc_tcache_t *tc = esc_tc_reg; tc; tc = tc->reg_next) {
    uint64_t slow = atomic_load_explicit(&tc->slow, memory_order_relaxed);
    if (slow != tc->seen_slow || tc->seen_ms == 0) {
      tc->seen_slow = slow;
      tc->seen_ms = now_ms;
      continue;
    }
    if (now_ms - tc->seen_ms < idle_ms) continue;
    // The owner may overwrite a zero with its own store; then the request
    // stays pending and the next round zeroes again.
    atomic_store_explicit(&tc->trim, 1, memory_order_relaxed);
    for (unsigned c = 1; c < ESC_NCLASSES; c++) esc_room_set(&tc->bins[c], 0);
    tc->seen_ms = now_ms;
  }
  esc__unlock(&esc_tc_reg_lock);
}

__attribute__((cold)) void esc__tcache_counts(uint64_t *refills, uint64_t *flushes) {
  esc__lock(&esc_tc_reg_lock);
  for (esc_tcache_t *tc = esc_tc_reg; tc; tc = tc->reg_next) {
    *refills += atomic_load_explicit(&tc->refills, memory_order_relaxed);
    *flushes += atomic_load_explicit(&tc->flushes, memory_order_relaxed);
  }
  esc__unlock(&esc_tc_reg_lock);
}

void esc__tcache_fork_prepare(void) { esc__lock(&esc_tc_reg_lock); }
void esc__tcache_fork_parent(void) { esc__unlock(&esc_tc_reg_lock); }

// In the child only the forking thread lives on.
void esc__tcache_fork_child(void) {
  esc__lock_init(&esc_tc_reg_lock);
  esc_tc_reg = NULL;
  if (esc__tc.state == ESC_TC_ACTIVE) esc_tc_register(&esc__tc);
}

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(thread_done);
