//===- central.c - central lists per size class (mcentral) ----------------===//
//
// Part of escape.  Moves objects between thread caches in whole batches: a
// thread that frees too many hands a batch over in O(1) (a transfer slot),
// and a thread that runs dry takes one.  When the slots are full, objects go
// back to their spans; a span whose objects are all back returns to the page
// heap.  Spans with free objects sit on the class's partial list.
//
// Slots serve a class that threads allocate from again.  A class that is
// only freed any more (a phase ended; strings that grow a few bytes at a
// time move through the classes) has nobody to take its batches: after
// ESC_UNCLAIMED_MAX batches put in its slots with no refill between them,
// its flushes go to the spans, each taking a kept batch along.  With the
// slots filling up to ESCAPE_RT_TRANSFER_BYTES (1 MiB) a class, a program
// growing 20,000 strings by three bytes at a time, as mawk appends to an
// array's values, peaked at 36.8 MiB where glibc's malloc peaks at 12.2
// (mawk on a word-count script: 26 against 10 MB; test-xfer-unclaimed.c).
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

esc_central_t esc__central[ESC_NCLASSES];
_Static_assert(sizeof(esc_central_t) == 64, "a central list is one cache line");

// The transfer slots past the first few, which each central list holds in
// its own cache line: a class that hands many batches over touches its own
// row here, and a program whose classes use a few slots touches none of
// it (129 classes' full rows in one array, 74 KiB with the lists, were a
// page for every seven classes used; slot-major rows were a page for every
// slot one busy class filled).  Read and written under the class's lock.
static void *esc_central_far[ESC_NCLASSES][ESC_XFER_MAX - ESC_XFER_NEAR];

static void **esc_slot(unsigned cls, uint32_t k) {
  return k < ESC_XFER_NEAR ? &esc__central[cls].near[k]
                           : &esc_central_far[cls][k - ESC_XFER_NEAR];
}

// The slots in use: written under the class's lock, read without it by a
// flush deciding whether to cut a batch, so both as relaxed atomics.
static uint32_t esc_nchains(esc_central_t *c) {
  return __atomic_load_n(&c->nchains, __ATOMIC_RELAXED);
}

static void esc_nchains_set(esc_central_t *c, uint32_t n) {
  __atomic_store_n(&c->nchains, n, __ATOMIC_RELAXED);
}

// Batches put in slots with no refill between them, at most.  More than a
// thread hands over in a burst before another takes one back.
#define ESC_UNCLAIMED_MAX 8

// Whether a flush may put a batch in a slot, with k slots in use: the same
// rule as nchains for the look outside the lock.
static bool esc_slot_open(esc_central_t *c, unsigned cls, uint32_t k) {
  return k < esc__class_slots[cls] &&
         __atomic_load_n(&c->unclaimed, __ATOMIC_RELAXED) < ESC_UNCLAIMED_MAX;
}

static void esc_partial_push(esc_central_t *c, esc_span_t *s) {
  s->prev = NULL;
  s->next = c->partial;
  if (c->partial) c->partial->prev = s;
  c->partial = s;
  s->in_partial = 1;
}

static void esc_partial_remove(esc_central_t *c, esc_span_t *s) {
  if (s->prev) s->prev->next = s->next;
  else c->partial = s->next;
  if (s->next) s->next->prev = s->prev;
  s->next = s->prev = NULL;
  s->in_partial = 0;
}

static esc_span_t *esc_central_grow(esc_central_t *c, unsigned cls) {
  // A span cut from resident pages takes only what its first carve needs
  // (esc__class_lead); on fresh or released pages, where the uncarved rest
  // costs nothing, it is whole.  A class a program uses for a block or two
  // at a time (a file copier's buffers) kept a whole span resident, cut
  // from pages other blocks had used, and the rest of it was never carved;
  // a class holding a few blocks did so for each further span (mixed: 10.1
  // -> 9.4 MiB peak RSS, for 36,504 spans a run where it took 34,510).
  uint32_t full = esc__class_pages[cls];
  esc_span_t *s = esc__heap_alloc_class_span(full, esc__class_lead[cls]);
  if (!s) return NULL;
  uint32_t size = esc__class_size[cls];
  s->state = ESC_SPAN_SMALL;
  s->cls = (uint16_t)cls;
  s->bump = s->start;
  s->capacity = (uint32_t)((size_t)s->npages * ESC_PAGE_SIZE / size);
  esc_segment_t *seg = esc__segment_of(s->start + 1);
  size_t first = esc__page_index(seg, s->start);
  for (size_t k = first; k < first + s->npages; k++) seg->page_cls[k] = (uint8_t)cls;
  esc_partial_push(c, s);
  return s;
}

// esc_span_take pops up to want objects of span s onto *head, or when *head
// is empty all its freed objects if they are at most `whole`.
static uint32_t esc_span_take(esc_span_t *s, uint32_t size, uint32_t want, uint32_t whole,
                              void **head) {
  char *end = s->start + (size_t)s->capacity * size;
  // The freed objects go as they are, without a walk: each step of one is a
  // load from an object freed long ago, and malloc reads it again anyway
  // (100,000 objects of 16-128 bytes allocated and freed in rounds: the
  // walk took 10% of the time).
  if (!*head && s->free) {
    uint32_t n = s->capacity - s->inuse - (uint32_t)((size_t)(end - s->bump) / size);
    if (n <= whole) {
      *head = s->free;
      s->free = NULL;
      s->inuse += n;
      return n;
    }
  }
  uint32_t n = 0;
  void *list = *head;
  while (n < want && s->free) {
    void *o = s->free;
    s->free = *(void **)o;
    *(void **)o = list;
    list = o;
    n++;
  }
  // Fresh objects are linked in address order, so a program that fills
  // them writes forward through memory, and at most 4 KiB of them at a
  // time, at least one (mimalloc's extend size), so their links are still
  // in the cache when malloc reads them, and a link makes no page resident
  // that no block needs (test-carve.c: at least four were linked).
  if (n < want && s->bump < end) {
    char *b = s->bump;
    uint32_t m = (uint32_t)((size_t)(end - b) / size), most = 4096 / size;
    if (most == 0) most = 1;
    if (m > most) m = most;
    if (m > want - n) m = want - n;
    char *o = b;
    for (uint32_t i = 1; i < m; i++, o += size) *(void **)o = o + size;
    *(void **)o = list;
    list = b;
    s->bump = o + size;
    n += m;
  }
  s->inuse += n;
  *head = list;
  return n;
}

uint32_t esc__central_refill(unsigned cls, uint32_t want, void **head) {
  esc_central_t *c = &esc__central[cls];
  uint32_t batch = esc__class_batch[cls], size = esc__class_size[cls], n = 0;
  void *list = NULL;
  esc__lock(&c->lock);
  c->touched = 1;
  __atomic_store_n(&c->unclaimed, 0, __ATOMIC_RELAXED);
  uint32_t k = esc_nchains(c);
  if (k > 0) {
    esc_nchains_set(c, k - 1);
    *head = *esc_slot(cls, k - 1);
    esc__unlock(&c->lock);
    return batch;
  }
  if (want > batch) want = batch;
  while (n < want) {
    esc_span_t *s = c->partial ? c->partial : esc_central_grow(c, cls);
    if (!s) break;
    n += esc_span_take(s, size, want - n, esc__class_max[cls], &list);
    // A span with objects left stopped the take: the refill is complete or
    // holds a fresh chunk, and the rest waits for the next refill.  A quarter
    // of the refill is enough too: the next span's objects would come by a
    // walk of its list.
    if (s->inuse != s->capacity) break;
    esc_partial_remove(c, s);
    if (n >= want / 4) break;
  }
  esc__unlock(&c->lock);
  *head = list;
  return n;
}

void *esc__central_alloc_one(unsigned cls) {
  esc_central_t *c = &esc__central[cls];
  void *one = NULL;
  esc__lock(&c->lock);
  c->touched = 1;
  __atomic_store_n(&c->unclaimed, 0, __ATOMIC_RELAXED);
  esc_span_t *s = c->partial ? c->partial : esc_central_grow(c, cls);
  if (s) {
    esc_span_take(s, esc__class_size[cls], 1, 1, &one);
    if (s->inuse == s->capacity) esc_partial_remove(c, s);
  }
  esc__unlock(&c->lock);
  return one;
}

// esc_central_return_run gives n objects of span s back to it: a list
// from first to last, linked through their first words.
static void esc_central_return_run(esc_central_t *c, esc_span_t *s, void *first, void *last,
                                   uint32_t n) {
  *(void **)last = s->free;
  s->free = first;
  s->inuse -= n;
  if (s->inuse == 0) {
    if (s->in_partial) esc_partial_remove(c, s);
    esc__heap_free_span(s);
  } else if (!s->in_partial) {
    esc_partial_push(c, s);
  }
}

// esc_central_return_list gives up to `most` objects of the list *list back
// to their spans and leaves the rest in *list; returns how many went back.
// Neighbours on the list mostly share a span (a run of frees), so each run
// is found by an address range check and spliced onto its span at once.
static uint32_t esc_central_return_list(esc_central_t *c, void **list, uint32_t most) {
  void *o = *list;
  uint32_t done = 0;
  while (o && done < most) {
    esc_span_t *s = esc__span_of(esc__segment_of(o), o);
    uintptr_t lo = (uintptr_t)s->start, bytes = (size_t)s->npages * ESC_PAGE_SIZE;
    void *first = o, *last = o, *next = *(void **)o;
    uint32_t n = 1, left = most - done;
    // NULL is below every span, so the range check ends the list too.
    while ((uintptr_t)next - lo < bytes && n < left) {
      last = next;
      next = *(void **)next;
      n++;
    }
    esc_central_return_run(c, s, first, last, n);
    done += n;
    o = next;
  }
  *list = o;
  return done;
}

// esc_chain_cut cuts the first n objects off *list when it holds that many
// and returns them (the rest stays in *list); NULL when it holds fewer.
static void *esc_chain_cut(void **list, uint32_t n) {
  void *head = *list, *tail = head;
  if (!head) return NULL;
  for (uint32_t k = 1; k < n; k++)
    if (!(tail = *(void **)tail)) return NULL;
  *list = *(void **)tail;
  *(void **)tail = NULL;
  return head;
}

uint32_t esc__central_flush(unsigned cls, void **list, uint32_t most) {
  esc_central_t *c = &esc__central[cls];
  uint32_t batch = esc__class_batch[cls], n;
  // A whole batch is cut off outside the lock when a slot looks open (a
  // relaxed look, checked again under the lock); otherwise the objects go
  // back to their spans in one walk.
  void *chain = NULL;
  if (most == batch && esc_slot_open(c, cls, esc_nchains(c))) chain = esc_chain_cut(list, batch);
  esc__lock(&c->lock);
  c->touched = 1;
  uint32_t k = esc_nchains(c);
  if (chain && esc_slot_open(c, cls, k)) {
    *esc_slot(cls, k) = chain;
    esc_nchains_set(c, k + 1);
    __atomic_store_n(&c->unclaimed, c->unclaimed + 1, __ATOMIC_RELAXED);
    esc__unlock(&c->lock);
    return batch;
  }
  n = chain ? esc_central_return_list(c, &chain, batch) : esc_central_return_list(c, list, most);
  // Nobody took the kept batches back: one goes to the spans too.
  if (c->unclaimed >= ESC_UNCLAIMED_MAX && k > 0) {
    esc_nchains_set(c, k - 1);
    esc_central_return_list(c, esc_slot(cls, k - 1), UINT32_MAX);
  }
  esc__unlock(&c->lock);
  esc__scavenger_poll();
  return n;
}

void esc__central_release(unsigned cls, void *p) {
  esc_central_t *c = &esc__central[cls];
  esc__lock(&c->lock);
  c->touched = 1;
  *(void **)p = NULL;
  esc_central_return_list(c, &p, 1);
  esc__unlock(&c->lock);
  esc__scavenger_poll();
}

void esc__central_return_all(unsigned cls, void *head) {
  esc_central_t *c = &esc__central[cls];
  esc__lock(&c->lock);
  c->touched = 1;
  esc_central_return_list(c, &head, UINT32_MAX);
  esc__unlock(&c->lock);
  esc__scavenger_poll();
}

// esc__central_drain_idle returns the batches of classes no thread used
// since the last call (all of them when force) to their spans.
void esc__central_drain_idle(bool force) {
  for (unsigned cls = 1; cls < ESC_NCLASSES; cls++) {
    esc_central_t *c = &esc__central[cls];
    if (atomic_load_explicit(&c->lock.v, memory_order_relaxed) && !force) continue;
    esc__lock(&c->lock);
    if (force || !c->touched)
      for (uint32_t k = esc_nchains(c); k > 0; k--) {
        esc_nchains_set(c, k - 1);
        esc_central_return_list(c, esc_slot(cls, k - 1), UINT32_MAX);
      }
    c->touched = 0;
    esc__unlock(&c->lock);
  }
}

void esc__central_fork_prepare(void) {
  for (unsigned cls = 1; cls < ESC_NCLASSES; cls++) esc__lock(&esc__central[cls].lock);
}

void esc__central_fork_parent(void) {
  for (unsigned cls = 1; cls < ESC_NCLASSES; cls++) esc__unlock(&esc__central[cls].lock);
}

void esc__central_fork_child(void) {
  for (unsigned cls = 1; cls < ESC_NCLASSES; cls++) esc__lock_init(&esc__central[cls].lock);
}
