//===- heap.c - the page heap (mheap): segments, spans, huge blocks --------===//
//
// Part of escape.  Carves 4 MiB segments into spans of 8 KiB pages, keeps
// free spans in bins by size, coalesces a freed span with its free
// neighbours, and hands the pages of spans that stayed free for the release
// delay back to the OS.  Blocks above ESC_LARGE_MAX get a mapping each.
// One lock guards it all; central lists call in with their own lock held.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#include <string.h>

esc_lock_t esc__heap_lock;
// Free resident pages that make it worth starting the background thread:
// less is released by the frees themselves (after the release delay).  A
// thread, its stack and the C library code it runs cost a small program
// about 150 KiB of resident memory.
#define ESC_SCAVENGE_MIN ((size_t)1 << 20)
// Free spans by size, committed ones (resident, reused first) apart from
// released ones; [0] holds those of more than ESC_HEAP_BINS pages.
static esc_span_t *esc_heap_bins[2][ESC_HEAP_BINS + 1];
static esc_segment_t *esc_heap_segments;
static _Atomic size_t esc_heap_address_limit;  // RLIMIT_AS, 0 when none (esc_heap_delay)
static uint64_t esc_heap_last_scavenge;
static size_t esc_heap_free_committed; // bytes of free, committed spans
// Free resident pages the keep limit released lately (esc_heap_recent) and
// how much of them allocations took back soon after (esc_heap_boost, which
// raises the keep limit), and the largest pages in use lately
// (esc_heap_peak_use) and the lowest since that peak (esc_heap_low_use).
// See esc_heap_refault.
static size_t esc_heap_recent, esc_heap_boost, esc_heap_peak_use, esc_heap_low_use;
// The pages in use when a reclaim was last asked for.
static size_t esc_heap_reclaim_mark;
atomic_int esc__heap_reclaim_wanted;
// A reclaim is asked for when the pages in use grew past that by an
// eighth, and by at least this many bytes (a small program's caches are
// small, and pages freed by a reclaim start the background thread).
#define ESC_RECLAIM_MIN ((size_t)1 << 20)
#define ESC_RECLAIM_FROM ((size_t)4 << 20)
static size_t esc_huge_cache_release(uint64_t now, int64_t delay, bool force);
static void esc_heap_offset_locked(size_t bytes);

static size_t esc_heap_in_use(void) {
  size_t committed = atomic_load_explicit(&esc__counters.committed, memory_order_relaxed);
  return committed > esc_heap_free_committed ? committed - esc_heap_free_committed : 0;
}

// esc_heap_keep: the free resident bytes the page heap may keep, the largest
// of ESCAPE_RT_FREE_KEEP, 1/32 of the pages in use (so a big heap does not
// release and refault pages at every turn) and the boost.
static size_t esc_heap_keep_base(void) {
  size_t in_use = esc_heap_in_use();
  return in_use / 32 > esc__options.free_keep ? in_use / 32 : esc__options.free_keep;
}

static size_t esc_heap_keep(void) {
  size_t keep = esc_heap_keep_base();
  return esc_heap_boost > keep ? esc_heap_boost : keep;
}

// esc_heap_refault notes an allocation of `bytes` of released pages.  As
// much of it as the keep limit released lately was released too early, and
// raises the limit, up to the largest of
//  - twice ESCAPE_RT_FREE_KEEP: a small heap whose blocks of 256-512 KiB
//    are replaced at random found no free span of the right size among the
//    resident ones and released and refaulted pages at every turn (200,000
//    replacements, the second phase of runtime/bench/bigvary: 2.9 million
//    page faults, 30x mimalloc's time; about 9,000 faults now, for 1.2x
//    glibc's peak RSS where glibc, which maps each block, takes 1.6
//    million faults and 16x the time);
//  - the pages in use: a program that frees and allocates blocks of mixed
//    sizes (64 KiB - 1 MiB blocks replaced at random ran 9x slower than
//    glibc, nearly all of it in madvise and page faults; with a quarter of
//    the pages in use as the cap, perl building strings of that range
//    still took 4.4x mimalloc's time, 1.3x with the whole).  Free spans of
//    the wrong sizes pile up only as far as refaults ask: mixed's peak went
//    from 9.5 to 10.2 MiB (glibc's 10.6);
//  - how far the pages in use swung lately (their recent peak less their
//    lowest since): a program in phases frees a lot and takes it all back
//    (build a structure, free it, build the next), which otherwise
//    releases and refaults most of its pages every round.  Keeping that
//    much resident does not raise the peak (test-release.c).
// Each scavenge lowers the boost and the peak again (esc_heap_decay), so a
// program that stops churning gives the pages back.
static void esc_heap_refault(size_t bytes) {
  if (!esc_heap_recent) return;
  size_t in_use = esc_heap_in_use();
  if (bytes > esc_heap_recent) bytes = esc_heap_recent;
  esc_heap_recent -= bytes;
  size_t swing = esc_heap_peak_use > esc_heap_low_use ? esc_heap_peak_use - esc_heap_low_use : 0;
  size_t cap = in_use > swing ? in_use : swing;
  if (cap < 2 * esc__options.free_keep) cap = 2 * esc__options.free_keep;
  size_t raised = esc_heap_boost + bytes > cap ? cap : esc_heap_boost + bytes;
  if (raised > esc_heap_boost) esc_heap_boost = raised;
}

static void esc_heap_decay(void) {
  esc_heap_recent /= 2;
  esc_heap_boost -= esc_heap_boost / 16;
  esc_heap_peak_use -= esc_heap_peak_use / 16;
  if (esc_heap_low_use < esc_heap_peak_use)
    esc_heap_low_use += (esc_heap_peak_use - esc_heap_low_use) / 16;
}

static uint32_t esc_hdr_pages(void) {
  return (uint32_t)((sizeof(esc_segment_t) + ESC_PAGE_SIZE - 1) / ESC_PAGE_SIZE);
}

static esc_segment_t *esc_span_segment(const esc_span_t *s) {
  return (esc_segment_t *)((uintptr_t)s & ~(uintptr_t)ESC_SEG_MASK);
}

static uint32_t esc_span_index(const esc_span_t *s) {
  return (uint32_t)(s - esc_span_segment(s)->spans);
}

static esc_span_t **esc_bin_for(const esc_span_t *s) {
  return &esc_heap_bins[s->committed ? 1 : 0][s->npages <= ESC_HEAP_BINS ? s->npages : 0];
}

static void esc_bin_push(esc_span_t *s) {
  esc_span_t **bin = esc_bin_for(s);
  s->prev = NULL;
  s->next = *bin;
  if (*bin) (*bin)->prev = s;
  *bin = s;
  if (s->committed) esc_heap_free_committed += (size_t)s->npages * ESC_PAGE_SIZE;
}

static void esc_bin_remove(esc_span_t *s) {
  if (s->prev) s->prev->next = s->next;
  else *esc_bin_for(s) = s->next;
  if (s->next) s->next->prev = s->prev;
  s->next = s->prev = NULL;
  if (s->committed) esc_heap_free_committed -= (size_t)s->npages * ESC_PAGE_SIZE;
}

// esc_mark_free records a free span at page index i of seg.
static esc_span_t *esc_mark_free(esc_segment_t *seg, uint32_t i, uint32_t np,
                                 bool committed, uint64_t since) {
  esc_span_t *s = &seg->spans[i];
  memset(s, 0, sizeof *s);
  s->start = (char *)seg + (size_t)i * ESC_PAGE_SIZE;
  s->npages = np;
  s->state = ESC_SPAN_FREE;
  s->committed = committed;
  s->free_since = since;
  seg->page_head[i] = (uint16_t)i;
  seg->page_head[i + np - 1] = (uint16_t)i;
  return s;
}

// esc_map_aligned maps `size` bytes at a multiple of `align`.  It asks for
// the size alone first, and when that lands misaligned, for the aligned
// address below it, which a top-down address space usually leaves free;
// only then for size + align, trimmed.  So a process under an address-space
// limit (RLIMIT_AS, `ulimit -v`) gets a segment where twice its size is too
// much: the first malloc needed 10 MiB of address space.
static int esc_map_aligned(size_t size, size_t align, char **base, size_t *len) {
  void *p;
  int err = esc__prim_map(size, &p);
  if (err) return err;
  uintptr_t mask = (uintptr_t)(align - 1);
  if ((uintptr_t)p & mask) {
    esc__prim_unmap(p, size);
    void *want = (void *)((uintptr_t)p & ~mask), *got;
    p = NULL;
    if (esc__prim_map_near(want, size, &got) == 0) {
      if (got == want) p = got;
      else esc__prim_unmap(got, size);
    }
  }
  if (p) {
    *base = (char *)p;
    *len = size;
    return 0;
  }
  size_t total = size + align;
  err = esc__prim_map(total, &p);
  if (err) return err;
  uintptr_t a = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
  esc__prim_unmap(p, a - (uintptr_t)p);
  esc__prim_unmap((char *)a + size, (uintptr_t)p + total - a - size);
  *base = (char *)a;
  *len = size;
  return 0;
}

static bool esc_heap_give_back_locked(void);

static esc_segment_t *esc_segment_new(void) {
  char *base;
  size_t len;
  if (esc_map_aligned(ESC_SEG_SIZE, ESC_SEG_SIZE, &base, &len) &&
      (!esc_heap_give_back_locked() || esc_map_aligned(ESC_SEG_SIZE, ESC_SEG_SIZE, &base, &len)))
    return NULL;
  esc_segment_t *seg = (esc_segment_t *)base;
  atomic_store_explicit(&esc_heap_address_limit, esc__prim_address_limit(), memory_order_relaxed);
  seg->kind = ESC_SEG_SPANS;
  seg->hdr_pages = esc_hdr_pages();
  seg->next = esc_heap_segments;
  esc_heap_segments = seg;
  esc__stat_add(&esc__counters.mapped, ESC_SEG_SIZE);
  esc__stat_add(&esc__counters.segments, 1);
  esc__committed_add((size_t)seg->hdr_pages * ESC_PAGE_SIZE);
  esc_span_t *s = esc_mark_free(seg, seg->hdr_pages, ESC_SEG_PAGES - seg->hdr_pages, false, 0);
  esc_bin_push(s);
  return seg;
}

// esc_heap_find_in returns the smallest free span of at least npages in one
// set of bins: exact-size bins first, then best fit among the big ones.
static esc_span_t *esc_heap_find_in(esc_span_t **bins, uint32_t npages) {
  for (uint32_t n = npages; n <= ESC_HEAP_BINS; n++)
    if (bins[n]) return bins[n];
  esc_span_t *best = NULL;
  for (esc_span_t *s = bins[0]; s; s = s->next)
    if (s->npages >= npages && (!best || s->npages < best->npages)) best = s;
  return best;
}

// esc_heap_find prefers resident pages: a released span costs page faults
// and grows the resident set while committed free pages sit idle.
static esc_span_t *esc_heap_find(uint32_t npages) {
  esc_span_t *s = esc_heap_find_in(esc_heap_bins[1], npages);
  return s ? s : esc_heap_find_in(esc_heap_bins[0], npages);
}

esc_span_t *esc__heap_alloc_class_span(uint32_t npages, uint32_t resident) {
  esc__lock(&esc__heap_lock);
  esc_span_t *s = NULL;
  if (resident < npages && (s = esc_heap_find_in(esc_heap_bins[1], resident))) npages = resident;
  if (!s) s = esc_heap_find(npages);
  if (!s && esc_segment_new()) s = esc_heap_find(npages);
  if (!s) {
    esc__unlock(&esc__heap_lock);
    return NULL;
  }
  esc_bin_remove(s);
  esc_segment_t *seg = esc_span_segment(s);
  uint32_t i = esc_span_index(s);
  bool committed = s->committed;
  if (s->npages > npages) {
    esc_span_t *rest = esc_mark_free(seg, i + npages, s->npages - npages, committed, s->free_since);
    esc_bin_push(rest);
  }
  if (!committed) {
    esc__committed_add((size_t)npages * ESC_PAGE_SIZE);
    esc_heap_refault((size_t)npages * ESC_PAGE_SIZE);
  }
  size_t in_use = esc_heap_in_use();
  // The heap grows: objects cached in classes nobody allocates from any
  // more may hold spans that would be free without them.
  size_t step = esc_heap_reclaim_mark / 8 > ESC_RECLAIM_MIN ? esc_heap_reclaim_mark / 8 : ESC_RECLAIM_MIN;
  if (in_use >= ESC_RECLAIM_FROM && in_use >= esc_heap_reclaim_mark + step) {
    esc_heap_reclaim_mark = in_use;
    atomic_store_explicit(&esc__heap_reclaim_wanted, 1, memory_order_relaxed);
  }
  if (in_use > esc_heap_peak_use) esc_heap_peak_use = esc_heap_low_use = in_use;
  memset(s, 0, sizeof *s);
  s->start = (char *)seg + (size_t)i * ESC_PAGE_SIZE;
  s->npages = npages;
  s->zero = !committed; // fresh or released pages read as zero
  for (uint32_t k = i; k < i + npages; k++) seg->page_head[k] = (uint16_t)i;
  if (!committed) esc_heap_offset_locked((size_t)npages * ESC_PAGE_SIZE);
  // Only this lock's holder writes the count: no locked instruction.
  atomic_store_explicit(&esc__counters.spans,
                        atomic_load_explicit(&esc__counters.spans, memory_order_relaxed) + 1,
                        memory_order_relaxed);
  esc__unlock(&esc__heap_lock);
  return s;
}

// esc_span_release hands a free span's pages back.  pre: s is in no bin.
static void esc_span_release(esc_span_t *s) {
  size_t bytes = (size_t)s->npages * ESC_PAGE_SIZE;
  esc__prim_release(s->start, bytes);
  esc__stat_add(&esc__counters.released, bytes);
  esc__stat_sub(&esc__counters.committed, bytes);
  s->committed = 0;
}

// esc_heap_merge absorbs the free span b (right after a) into a.  Spans
// merge only when both are committed or both released, so one flag per span
// stays exact.
static void esc_heap_merge(esc_segment_t *seg, esc_span_t *a, esc_span_t *b) {
  esc_bin_remove(b);
  esc_bin_remove(a);
  uint64_t since = a->free_since > b->free_since ? a->free_since : b->free_since;
  uint32_t i = esc_span_index(a);
  b->state = ESC_SPAN_NONE;
  esc_mark_free(seg, i, a->npages + b->npages, a->committed, since);
  esc_bin_push(a);
}

static bool esc_can_merge(const esc_span_t *a, const esc_span_t *b) {
  return a->state == ESC_SPAN_FREE && b->state == ESC_SPAN_FREE && a->committed == b->committed;
}

static void esc_heap_coalesce(esc_segment_t *seg, esc_span_t *s) {
  uint32_t i = esc_span_index(s);
  uint32_t next = i + s->npages;
  if (next < ESC_SEG_PAGES && esc_can_merge(s, &seg->spans[next]))
    esc_heap_merge(seg, s, &seg->spans[next]);
  if (i > seg->hdr_pages) {
    esc_span_t *prev = &seg->spans[seg->page_head[i - 1]];
    if (esc_can_merge(prev, s)) esc_heap_merge(seg, prev, s);
  }
}

// esc_heap_merge_released joins neighbouring released spans of every segment
// after a scavenge, walking each segment's spans in address order.
static void esc_heap_merge_released(void) {
  for (esc_segment_t *seg = esc_heap_segments; seg; seg = seg->next) {
    uint32_t i = seg->hdr_pages;
    while (i < ESC_SEG_PAGES) {
      esc_span_t *s = &seg->spans[i];
      uint32_t next = i + s->npages;
      if (next < ESC_SEG_PAGES && esc_can_merge(s, &seg->spans[next]))
        esc_heap_merge(seg, s, &seg->spans[next]);
      else
        i = next;
    }
  }
}

// esc_heap_delay is the release delay now.  Under an address-space limit
// (RLIMIT_AS) what the heap keeps mapped is address space the program may
// need for its own mappings (a thread's stack, a file): once the heap maps
// half the limit, freed pages and huge blocks go back at once, as with
// ESCAPE_RT_RELEASE_DELAY=0.  A program that filled the heap up to the
// limit and freed it all could not map 8 MB after (python3: "can't start
// new thread"), where glibc's malloc had returned it
// (test-address-limit.c).  The limit is read as the heap maps a segment or
// a huge block: a program may set it after its first allocation.
static int64_t esc_heap_delay(void) {
  int64_t delay = esc__options.release_delay;
  size_t limit = atomic_load_explicit(&esc_heap_address_limit, memory_order_relaxed);
  if (delay > 0 && limit && atomic_load_explicit(&esc__counters.mapped, memory_order_relaxed) > limit / 2)
    return 0;
  return delay;
}

// esc_heap_unmap_empty returns segments whose pages are all free and
// released to the OS, header included, keeping one for the next burst
// when `keep`.
static void esc_heap_unmap_empty(bool keep) {
  bool kept = !keep;
  for (esc_segment_t **link = &esc_heap_segments; *link;) {
    esc_segment_t *seg = *link;
    esc_span_t *s = &seg->spans[seg->hdr_pages];
    bool empty = s->state == ESC_SPAN_FREE && !s->committed &&
                 s->npages == ESC_SEG_PAGES - seg->hdr_pages;
    if (!empty || !kept) {
      kept |= empty;
      link = &seg->next;
      continue;
    }
    esc_bin_remove(s);
    *link = seg->next;
    esc__stat_sub(&esc__counters.mapped, ESC_SEG_SIZE);
    esc__stat_sub(&esc__counters.segments, 1);
    esc__stat_sub(&esc__counters.committed, (size_t)seg->hdr_pages * ESC_PAGE_SIZE);
    esc__prim_unmap(seg, ESC_SEG_SIZE);
  }
}

__attribute__((cold)) static size_t esc_heap_scavenge_locked(uint64_t now, bool force) {
  int64_t delay = esc_heap_delay();
  if (delay < 0 && !force) return esc_heap_free_committed;
  // Idle spans go back down to the boost, not to nothing: pages the program
  // took back soon after a release stay resident until the boost decays
  // (each scavenge lowers it by 1/16).  These releases count as recent, so
  // their refaults raise the boost too.
  size_t floor = force ? 0 : esc_heap_boost;
  bool released = false;
  for (uint32_t b = 0; b <= ESC_HEAP_BINS && esc_heap_free_committed > floor; b++)
    for (esc_span_t *s = esc_heap_bins[1][b], *next; s && esc_heap_free_committed > floor;
         s = next) {
      next = s->next;
      if (force || now - s->free_since >= (uint64_t)delay) {
        esc_bin_remove(s);
        esc_span_release(s);
        esc_heap_recent += (size_t)s->npages * ESC_PAGE_SIZE;
        esc_bin_push(s);
        released = true;
      }
    }
  if (released) {
    esc_heap_merge_released();
    esc_heap_unmap_empty(true);
  }
  esc_heap_decay();
  esc_heap_last_scavenge = now;
  return esc_heap_free_committed + esc_huge_cache_release(now, delay, force);
}

// esc__heap_grow_span extends the in-use span s to npages by taking pages
// from the free span right after it; the rest of that span stays free.
int esc__heap_grow_span(esc_span_t *s, uint32_t npages) {
  esc_segment_t *seg = esc_span_segment(s);
  uint32_t i = esc_span_index(s), next = i + s->npages;
  if (npages <= s->npages) return 0;
  if (next >= ESC_SEG_PAGES) return ENOMEM;
  esc__lock(&esc__heap_lock);
  esc_span_t *n = &seg->spans[next];
  if (n->state != ESC_SPAN_FREE || s->npages + n->npages < npages) {
    esc__unlock(&esc__heap_lock);
    return ENOMEM;
  }
  uint32_t take = npages - s->npages, left = n->npages - take;
  bool committed = n->committed;
  uint64_t since = n->free_since;
  esc_bin_remove(n);
  n->state = ESC_SPAN_NONE;
  if (left) esc_bin_push(esc_mark_free(seg, next + take, left, committed, since));
  if (!committed) {
    esc__committed_add((size_t)take * ESC_PAGE_SIZE);
    esc_heap_refault((size_t)take * ESC_PAGE_SIZE);
  }
  for (uint32_t k = next; k < next + take; k++) seg->page_head[k] = (uint16_t)i;
  s->npages = npages;
  if (!committed) esc_heap_offset_locked((size_t)take * ESC_PAGE_SIZE);
  esc__unlock(&esc__heap_lock);
  return 0;
}

// esc_heap_trim_locked releases free resident spans, those free the
// longest first, until at most half of the keep limit stays (7/8 of a
// boosted one).  Without
// it a program that frees spans faster than the release delay keeps every
// page it ever freed resident until the delay passes, and new spans land on
// pages still resident while other resident pages sit free: in a
// mixed-size workload 2.3 MiB, a fifth of its peak.  The oldest first,
// because a span freed a moment ago is the likeliest to be taken again (and
// then refaulted, had it been released).  A released span joins its
// released neighbours.
static void esc_heap_trim_to(size_t target) {
  while (esc_heap_free_committed > target) {
    // Each round releases the spans free since the older half of the time
    // the free spans span, so a heap with many free spans costs a few passes.
    uint64_t oldest = UINT64_MAX, newest = 0;
    for (uint32_t b = 0; b <= ESC_HEAP_BINS; b++)
      for (esc_span_t *t = esc_heap_bins[1][b]; t; t = t->next) {
        if (t->free_since < oldest) oldest = t->free_since;
        if (t->free_since > newest) newest = t->free_since;
      }
    if (oldest == UINT64_MAX) break;
    uint64_t cutoff = oldest + (newest - oldest) / 2;
    for (uint32_t b = 0; b <= ESC_HEAP_BINS && esc_heap_free_committed > target; b++)
      for (esc_span_t *t = esc_heap_bins[1][b], *next; t && esc_heap_free_committed > target;
           t = next) {
        // A released span merges only with released neighbours, which are
        // in the other set of bins: `next` stays valid.
        next = t->next;
        if (t->free_since > cutoff) continue;
        esc_bin_remove(t);
        esc_span_release(t);
        esc_heap_recent += (size_t)t->npages * ESC_PAGE_SIZE;
        esc_bin_push(t);
        esc_heap_coalesce(esc_span_segment(t), t);
      }
  }
}

static void esc_heap_trim_locked(void) {
  // Down to half the limit, so that trims come in batches; to 7/8 of it
  // when the boost sets the limit: the boost measures what the program
  // takes back, and releasing half of it would be refaulted at once.
  esc_heap_trim_to(esc_heap_boost > esc_heap_keep_base() ? esc_heap_boost - esc_heap_boost / 8
                                                         : esc_heap_keep() / 2);
}

void esc__heap_free_span(esc_span_t *s) {
  esc_segment_t *seg = esc_span_segment(s);
  uint32_t i = esc_span_index(s);
  uint64_t now = esc__prim_clock_ms();
  esc__lock(&esc__heap_lock);
  for (uint32_t k = i; k < i + s->npages; k++) seg->page_cls[k] = 0;
  esc_mark_free(seg, i, s->npages, true, now);
  esc_bin_push(s);
  esc_heap_coalesce(seg, s);
  size_t in_use = esc_heap_in_use();
  if (in_use < esc_heap_low_use) esc_heap_low_use = in_use;
  int64_t delay = esc_heap_delay();
  if (delay >= 0 && esc_heap_free_committed > esc_heap_keep()) esc_heap_trim_locked();
  size_t pending = esc_heap_free_committed;
  if (delay == 0 || (delay > 0 && now - esc_heap_last_scavenge >= (uint64_t)delay))
    pending = esc_heap_scavenge_locked(now, false);
  esc__unlock(&esc__heap_lock);
  if (pending >= ESC_SCAVENGE_MIN && delay > 0) esc__scavenger_want();
}

void esc__heap_walk(void (*fn)(const esc_span_t *s, void *arg), void *arg) {
  esc__lock(&esc__heap_lock);
  for (esc_segment_t *seg = esc_heap_segments; seg; seg = seg->next)
    for (uint32_t i = seg->hdr_pages; i < ESC_SEG_PAGES;) {
      const esc_span_t *s = &seg->spans[i];
      uint32_t np = s->npages ? s->npages : 1;
      if (s->state == ESC_SPAN_SMALL || s->state >= ESC_SPAN_LARGE) fn(s, arg);
      i += np;
    }
  esc__unlock(&esc__heap_lock);
}

size_t esc__heap_scavenge(bool force) {
  esc__lock(&esc__heap_lock);
  size_t left = esc_heap_scavenge_locked(esc__prim_clock_ms(), force);
  esc__unlock(&esc__heap_lock);
  return left;
}

// --- Huge blocks: one mapping each.  The block starts ESC_HUGE_HDR past a
// segment-aligned header, or, for alignments of a segment or more, exactly
// one segment past it, so esc__segment_of finds the header either way.

// Freed huge mappings the heap keeps for reuse: a program that takes a
// 4 MiB scratch buffer per iteration would otherwise pay mmap, munmap and a
// page fault per page every time (the `scratch` workload: 22x glibc's time,
// whose heap keeps the pages).  At most ESC_HUGE_CACHE mappings, each of at most
// ESC_HUGE_CACHE_MAX bytes, and in all no more than the page heap's keep
// limit or the newest one; the scavenger unmaps those cached longer than
// the release delay.  Under esc__heap_lock.  Thirty-two, not four: a
// program whose buffers of 1-2 MiB are reallocated to random sizes frees
// and takes them in runs, and four left the cache empty often enough that
// 36% of the pages it wrote faulted in (test-huge-cache.c).
#define ESC_HUGE_CACHE 32
#define ESC_HUGE_CACHE_MAX ((size_t)64 << 20)
static struct {
  esc_segment_t *seg;
  uint64_t since;
} esc_huge_cache[ESC_HUGE_CACHE];
static unsigned esc_huge_ncached;
static size_t esc_huge_cached_bytes;

static void esc_huge_cache_drop(unsigned k) {
  esc_huge_cached_bytes -= esc_huge_cache[k].seg->huge_map_size;
  esc_huge_cache[k] = esc_huge_cache[--esc_huge_ncached];
}

// esc_huge_cache_evict drops cached mapping k to unmap it for the keep
// limit, and counts its bytes as released lately, as the free spans the
// limit releases are: a program that maps as much again soon after raises
// the boost (esc_heap_refault), and with it what the cache may hold.
// Returns the mapping, which the caller unmaps.
static esc_segment_t *esc_huge_cache_evict(unsigned k) {
  esc_segment_t *seg = esc_huge_cache[k].seg;
  esc_heap_recent += seg->huge_map_size;
  esc_huge_cache_drop(k);
  return seg;
}

// esc_huge_cache_oldest: the index of the mapping cached the longest.
// pre: esc_huge_ncached > 0.
static unsigned esc_huge_cache_oldest(void) {
  unsigned oldest = 0;
  for (unsigned k = 1; k < esc_huge_ncached; k++)
    if (esc_huge_cache[k].since < esc_huge_cache[oldest].since) oldest = k;
  return oldest;
}

// esc_huge_unmap_range gives len bytes of a huge mapping back to the OS.
static void esc_huge_unmap_range(char *p, size_t len) {
  esc__stat_sub(&esc__counters.mapped, len);
  esc__stat_sub(&esc__counters.committed, len);
  esc__prim_unmap(p, len);
}

static void esc_huge_unmap(esc_segment_t *seg) {
  esc_huge_unmap_range(seg->huge_base, seg->huge_map_size);
}

// esc_heap_offset_locked is called as the heap makes `bytes` of fresh pages
// resident (released or never touched pages for a span, a new huge
// mapping).  Idle resident memory, free spans and cached huge mappings,
// beyond the boost or an eighth of ESCAPE_RT_FREE_KEEP is released first,
// as much as the growth: so the resident set grows only by what the
// program holds more, not by the pages it freed but can no longer use.
// Without it the keep limit (2 MiB) held pages freed in one size while the
// program took new ones in another: an array of 2 MiB freed, then two of
// 800 KB taken, peaked at 9.0 MiB where glibc, which unmaps the 2 MiB
// block at once, peaks at 7.3 (test/acceptance/programs/graphbfs.c).  Free
// spans go first, those free the longest first, then cached mappings,
// the oldest first.  Pages released here count as the keep limit's, so a
// program that takes them back raises the boost (esc_heap_refault), and
// with it what growth leaves resident.
static void esc_heap_offset_locked(size_t bytes) {
  size_t floor = esc__options.free_keep / 8;
  if (esc_heap_boost > floor) floor = esc_heap_boost;
  size_t idle = esc_heap_free_committed + esc_huge_cached_bytes;
  if (idle <= floor) return;
  size_t give = idle - floor < bytes ? idle - floor : bytes;
  size_t spans = esc_heap_free_committed < give ? esc_heap_free_committed : give;
  if (spans) esc_heap_trim_to(esc_heap_free_committed - spans);
  while (esc_huge_ncached && esc_heap_free_committed + esc_huge_cached_bytes > idle - give)
    esc_huge_unmap(esc_huge_cache_evict(esc_huge_cache_oldest()));
}

// esc_huge_reuse takes a cached mapping for a block of `usable` bytes at
// ESC_HUGE_HDR: the smallest that fits, cut to the need plus the spare
// the keep limit allows (below): the spare stays with the block, so a
// later request up to that size reuses the mapping and its resident pages
// too.  When none fits, the largest grows to the need, in place or moved
// to a fresh range (the kernel moves its pages, nothing is copied): its
// resident pages serve the new block, and only the growth is faulted in.
// Before, a miss unmapped the cached mappings and mapped a fresh one, so
// blocks of 1-8 MiB of random sizes faulted in every page of every block
// (5,000 blocks: 4.06 million page faults and 27x glibc's time, which
// reuses its heap).  The other mappings too small for it are unmapped, so
// they do not stay resident beside the grown one.  NULL when nothing is
// cached or the growth fails.
__attribute__((cold)) static esc_segment_t *esc_huge_reuse(size_t usable) {
  size_t need = ESC_HUGE_HDR + usable;
  esc_segment_t *small[ESC_HUGE_CACHE];
  unsigned nsmall = 0;
  esc__lock(&esc__heap_lock);
  // best: the smallest mapping that fits; grow: the largest that does not.
  int best = -1, grow = -1;
  for (unsigned k = 0; k < esc_huge_ncached; k++) {
    size_t len = esc_huge_cache[k].seg->huge_map_size;
    if (len >= need) {
      if (best < 0 || len < esc_huge_cache[best].seg->huge_map_size) best = (int)k;
    } else if (grow < 0 || len > esc_huge_cache[grow].seg->huge_map_size) {
      grow = (int)k;
    }
  }
  int take = best >= 0 ? best : grow;
  esc_segment_t *seg = take < 0 ? NULL : esc_huge_cache[take].seg;
  if (seg) esc_huge_cache_drop((unsigned)take);
  if (best < 0)
    for (unsigned k = 0; k < esc_huge_ncached;) {
      if (esc_huge_cache[k].seg->huge_map_size < need) {
        small[nsmall++] = esc_huge_cache_evict(k);
      } else {
        k++;
      }
    }
  // The spare a reused mapping keeps past the need is idle resident
  // memory: it keeps what the keep limit leaves room for beside the free
  // spans and the other cached mappings, and the rest goes back as
  // released pages, so a later block that grows into the same range raises
  // the limit (esc_heap_refault), and blocks of varying sizes (1-8 MiB at
  // random) come to reuse one mapping.  Seven times the need, whatever the
  // limit, kept 61 MB resident for a 30 MB block of ImageMagick's.
  size_t idle = esc_heap_free_committed + esc_huge_cached_bytes, keep = esc_heap_keep();
  // Whole pages: the limit need not be a multiple of one, and munmap fails
  // on an address inside a page (the pages stayed mapped, uncounted).
  size_t page = esc__prim_page_size();
  size_t spare = keep > idle ? (keep - idle) & ~(page - 1) : 0, cut = 0;
  if (seg && seg->huge_map_size > need + spare) {
    cut = seg->huge_map_size - need - spare;
    esc_heap_recent += cut;
  }
  esc__unlock(&esc__heap_lock);
  for (unsigned k = 0; k < nsmall; k++) esc_huge_unmap(small[k]);
  if (!seg) return NULL;
  size_t had = seg->huge_usable;
  if (seg->huge_map_size < need) {
    if (esc__huge_resize(seg, usable) != 0) {
      char *moved = esc__huge_move(seg, usable);
      if (!moved) {
        esc_huge_unmap(seg);
        return NULL;
      }
      seg = (esc_segment_t *)(moved - ESC_HUGE_HDR);
    }
    // The growth counts in the mapped and committed bytes; the block's
    // bytes are counted whole by the caller.
    esc__stat_sub(&esc__counters.huge_bytes, seg->huge_usable - had);
  } else if (cut) {
    esc_huge_unmap_range(seg->huge_base + need + spare, cut);
    seg->huge_map_size = need + spare;
  }
  seg->huge_usable = seg->huge_map_size - ESC_HUGE_HDR;
  seg->huge_sampled = 0;
  seg->huge_dirty = had; // what grew past it is fresh
  return seg;
}

// esc_huge_cache_release unmaps the cached mappings older than `delay` ms
// (all with force); returns the bytes still cached.  pre: heap lock held.
__attribute__((cold)) static size_t esc_huge_cache_release(uint64_t now, int64_t delay, bool force) {
  for (unsigned k = 0; k < esc_huge_ncached;) {
    if (force || now - esc_huge_cache[k].since >= (uint64_t)delay) {
      esc_segment_t *seg = esc_huge_cache[k].seg;
      if (force)
        esc_huge_cache_drop(k);
      else
        esc_huge_cache_evict(k);
      esc_huge_unmap(seg);
    } else {
      k++;
    }
  }
  return esc_huge_cached_bytes;
}

static unsigned esc_heap_mappings(void) {
  unsigned n = esc_huge_ncached;
  for (esc_segment_t *seg = esc_heap_segments; seg; seg = seg->next) n++;
  return n;
}

// esc_heap_give_back_locked returns every free page, empty segment and
// cached huge mapping to the OS, now: the OS refused a mapping (an
// address-space limit, or overcommit off), and what the program freed may
// make room for it.  Before, the request failed while freed memory kept its
// address space for the release delay.  Returns whether anything was
// unmapped, for the caller to try once more.  pre: heap lock held.
__attribute__((cold)) static bool esc_heap_give_back_locked(void) {
  unsigned had = esc_heap_mappings();
  esc_heap_scavenge_locked(esc__prim_clock_ms(), true);  // releases and merges
  esc_heap_unmap_empty(false);
  return esc_heap_mappings() < had;
}

// esc_heap_give_back is the same for a caller without the lock.
__attribute__((cold)) static bool esc_heap_give_back(void) {
  esc__lock(&esc__heap_lock);
  bool any = esc_heap_give_back_locked();
  esc__unlock(&esc__heap_lock);
  return any;
}

void *esc__huge_alloc(size_t size, size_t align) {
  size_t page = esc__prim_page_size();
  if (size > SIZE_MAX / 2 || align > SIZE_MAX / 4) return NULL;
  size_t usable = (size + page - 1) & ~(page - 1);
  if (align <= ESC_HUGE_HDR) {
    esc_segment_t *seg = esc_huge_reuse(usable);
    if (seg) {
      esc__stat_add(&esc__counters.huge_allocs, 1);
      esc__stat_add(&esc__counters.huge_bytes, seg->huge_usable);
      return (char *)seg + ESC_HUGE_HDR;
    }
  }
  size_t off = align >= ESC_SEG_SIZE ? ESC_SEG_SIZE : (align > ESC_HUGE_HDR ? align : ESC_HUGE_HDR);
  size_t seg_align = align > ESC_SEG_SIZE ? align : ESC_SEG_SIZE;
  size_t total = off + usable;
  void *raw;
  if (esc__prim_map_block(total + seg_align, &raw) &&
      (!esc_heap_give_back() || esc__prim_map_block(total + seg_align, &raw)))
    return NULL;
  atomic_store_explicit(&esc_heap_address_limit, esc__prim_address_limit(), memory_order_relaxed);
  uintptr_t r = (uintptr_t)raw;
  uintptr_t block = (r + off + seg_align - 1) & ~(uintptr_t)(seg_align - 1);
  if (align < ESC_SEG_SIZE) block = ((r + ESC_SEG_SIZE - 1) & ~(uintptr_t)ESC_SEG_MASK) + off;
  uintptr_t hdr = block - off;
  esc__prim_unmap(raw, hdr - r);
  esc__prim_unmap((char *)block + usable, r + total + seg_align - block - usable);
  esc_segment_t *seg = (esc_segment_t *)hdr;
  seg->kind = ESC_SEG_HUGE;
  seg->huge_base = (char *)hdr;
  seg->huge_map_size = off + usable;
  seg->huge_usable = usable;
  seg->huge_dirty = 0;
  esc__stat_add(&esc__counters.huge_allocs, 1);
  esc__stat_add(&esc__counters.huge_bytes, usable);
  esc__stat_add(&esc__counters.mapped, seg->huge_map_size);
  esc__committed_add(seg->huge_map_size);
  esc__lock(&esc__heap_lock);
  esc_heap_refault(seg->huge_map_size);
  esc_heap_offset_locked(seg->huge_map_size);
  esc__unlock(&esc__heap_lock);
  return (void *)block;
}

__attribute__((cold)) void esc__huge_free(esc_segment_t *seg) {
  size_t len = seg->huge_map_size;
  esc__stat_sub(&esc__counters.huge_bytes, seg->huge_usable);
  int64_t delay = esc_heap_delay();
  // Only blocks at the usual offset (alignment up to ESC_HUGE_HDR) are kept.
  if (len - seg->huge_usable != ESC_HUGE_HDR || delay == 0 || len > ESC_HUGE_CACHE_MAX) {
    esc_huge_unmap(seg);
    return;
  }
  esc_segment_t *evicted[ESC_HUGE_CACHE];
  unsigned nevicted = 0;
  esc__lock(&esc__heap_lock);
  // The oldest go first, for room or bytes; the one freed now always stays.
  size_t keep = esc_heap_keep();
  while (esc_huge_ncached == ESC_HUGE_CACHE || (esc_huge_ncached && esc_huge_cached_bytes + len > keep))
    evicted[nevicted++] = esc_huge_cache_evict(esc_huge_cache_oldest());
  uint64_t now = esc__prim_clock_ms();
  esc_huge_cache[esc_huge_ncached].seg = seg;
  esc_huge_cache[esc_huge_ncached++].since = now;
  esc_huge_cached_bytes += len;
  esc__unlock(&esc__heap_lock);
  for (unsigned k = 0; k < nevicted; k++) esc_huge_unmap(evicted[k]);
  if (delay > 0) esc__scavenger_want();
}

// esc_huge_account records that a huge block's usable bytes went from
// old_usable to usable.
static void esc_huge_account(size_t old_usable, size_t usable) {
  if (usable >= old_usable) {
    esc__stat_add(&esc__counters.huge_bytes, usable - old_usable);
    esc__stat_add(&esc__counters.mapped, usable - old_usable);
    esc__committed_add(usable - old_usable);
  } else {
    esc__stat_sub(&esc__counters.huge_bytes, old_usable - usable);
    esc__stat_sub(&esc__counters.mapped, old_usable - usable);
    esc__stat_sub(&esc__counters.committed, old_usable - usable);
  }
}

// esc_huge_grown notes that a huge block took `bytes` of fresh pages:
// they may retake what the keep limit released lately, and idle memory
// makes room for them.
static void esc_huge_grown(size_t bytes) {
  esc__lock(&esc__heap_lock);
  esc_heap_refault(bytes);
  esc_heap_offset_locked(bytes);
  esc__unlock(&esc__heap_lock);
}

int esc__huge_resize(esc_segment_t *seg, size_t size) {
  size_t page = esc__prim_page_size();
  size_t usable = (size + page - 1) & ~(page - 1);
  size_t hdr = seg->huge_map_size - seg->huge_usable;
  if (size > SIZE_MAX / 2) return ENOMEM;
  int err = esc__prim_remap(seg->huge_base, seg->huge_map_size, hdr + usable);
  if (err) return err;
  esc_huge_account(seg->huge_usable, usable);
  if (usable > seg->huge_usable) esc_huge_grown(usable - seg->huge_usable);
  seg->huge_usable = usable;
  seg->huge_map_size = hdr + usable;
  return 0;
}

// esc__huge_move resizes a huge block that cannot grow in place by moving
// its mapping to a fresh segment-aligned range: the kernel moves the page
// tables, so nothing is copied and the old pages never coexist with a copy
// (the peak a copying realloc pays).  Returns the block's new address, or
// NULL (the block untouched) when the OS cannot move it.
void *esc__huge_move(esc_segment_t *seg, size_t size) {
  size_t page = esc__prim_page_size();
  if (size > SIZE_MAX / 2) return NULL;
  size_t usable = (size + page - 1) & ~(page - 1);
  size_t off = seg->huge_map_size - seg->huge_usable;
  size_t len = off + usable;
  void *raw;
  if (esc__prim_map(len + ESC_SEG_SIZE, &raw) &&
      (!esc_heap_give_back() || esc__prim_map(len + ESC_SEG_SIZE, &raw)))
    return NULL;
  uintptr_t r = (uintptr_t)raw;
  uintptr_t to = (r + ESC_SEG_MASK) & ~(uintptr_t)ESC_SEG_MASK;
  size_t old_usable = seg->huge_usable;
  if (esc__prim_move(seg->huge_base, seg->huge_map_size, len, (void *)to)) {
    esc__prim_unmap(raw, len + ESC_SEG_SIZE);
    return NULL;
  }
  esc__prim_unmap(raw, to - r);
  esc__prim_unmap((char *)to + len, r + len + ESC_SEG_SIZE - to - len);
  esc_segment_t *moved = (esc_segment_t *)to;
  moved->huge_base = (char *)to;
  moved->huge_map_size = len;
  moved->huge_usable = usable;
  esc_huge_account(old_usable, usable);
  if (usable > old_usable) esc_huge_grown(usable - old_usable);
  return (char *)to + off;
}

void esc__heap_fork_prepare(void) { esc__lock(&esc__heap_lock); }
void esc__heap_fork_parent(void) { esc__unlock(&esc__heap_lock); }
void esc__heap_fork_child(void) { esc__lock_init(&esc__heap_lock); }
