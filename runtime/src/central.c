//===- central.c - central lists per size class (mcentral) ----------------===//
//
// Part of escape.  Moves objects between thread caches in whole batches: a
// thread that frees too many hands a batch over in O(1) (a transfer slot),
// and a thread that runs dry takes one.  When the slots are full, objects go
// back to their spans; a span whose objects are all back returns to the page
// heap.  Spans with free objects sit on the class's partial list.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

esc_central_t esc__central[ESC_NCLASSES];
_Static_assert(sizeof(esc_central_t) == 64, "a central list is one cache line");

// The transfer slots past the first few, which each central list holds in
// its own cache line: a class that hands many batches over touches its own
// row here, and a program whose classes use a few slots touches none of
// it (130 classes' full rows in one array, 74 KiB with the lists, were a
// page for every seven classes used; slot-major rows were a page for every
// slot one busy class filled).  Read and written under the class's lock.
static void *esc_central_far[ESC_NCLASSES][ESC_XFER_MAX - ESC_XFER_NEAR];

static void **esc_slot(unsigned cls, uint32_t k) {
  return k < ESC_XFER_NEAR ? &esc__central[cls].near[k]
                           : &esc_central_far[cls][k - ESC_XFER_NEAR];
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
  esc_span_t *s = esc__heap_alloc_span(esc__class_pages[cls]);
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

// esc_span_take pops up to want objects of span s onto *head.
static uint32_t esc_span_take(esc_span_t *s, uint32_t size, uint32_t want, void **head) {
  uint32_t n = 0;
  void *list = *head;
  while (n < want && s->free) {
    void *o = s->free;
    s->free = *(void **)o;
    *(void **)o = list;
    list = o;
    n++;
  }
  char *end = s->start + (size_t)s->capacity * size;
  while (n < want && s->bump < end) {
    void *o = s->bump;
    s->bump += size;
    *(void **)o = list;
    list = o;
    n++;
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
  if (c->nchains > 0) {
    *head = *esc_slot(cls, --c->nchains);
    esc__unlock(&c->lock);
    esc__stat_add(&esc__counters.refills, 1);
    return batch;
  }
  if (want > batch) want = batch;
  while (n < want) {
    esc_span_t *s = c->partial ? c->partial : esc_central_grow(c, cls);
    if (!s) break;
    n += esc_span_take(s, size, want - n, &list);
    if (s->inuse == s->capacity) esc_partial_remove(c, s);
  }
  esc__unlock(&c->lock);
  esc__stat_add(&esc__counters.refills, 1);
  *head = list;
  return n;
}

void *esc__central_alloc_one(unsigned cls) {
  esc_central_t *c = &esc__central[cls];
  void *one = NULL;
  esc__lock(&c->lock);
  c->touched = 1;
  esc_span_t *s = c->partial ? c->partial : esc_central_grow(c, cls);
  if (s) {
    esc_span_take(s, esc__class_size[cls], 1, &one);
    if (s->inuse == s->capacity) esc_partial_remove(c, s);
  }
  esc__unlock(&c->lock);
  return one;
}

// esc_central_return gives one object back to its span.
static void esc_central_return(esc_central_t *c, void *o) {
  esc_segment_t *seg = esc__segment_of(o);
  esc_span_t *s = esc__span_of(seg, o);
  *(void **)o = s->free;
  s->free = o;
  s->inuse--;
  if (s->inuse == 0) {
    if (s->in_partial) esc_partial_remove(c, s);
    esc__heap_free_span(s);
  } else if (!s->in_partial) {
    esc_partial_push(c, s);
  }
}

static void esc_central_return_list(esc_central_t *c, void *head) {
  while (head) {
    void *next = *(void **)head;
    esc_central_return(c, head);
    head = next;
  }
}

void esc__central_flush(unsigned cls, void *head, uint32_t n) {
  esc_central_t *c = &esc__central[cls];
  esc__lock(&c->lock);
  c->touched = 1;
  if (n == esc__class_batch[cls] && c->nchains < esc__class_slots[cls]) {
    *esc_slot(cls, c->nchains++) = head;
    esc__unlock(&c->lock);
  } else {
    esc_central_return_list(c, head);
    esc__unlock(&c->lock);
    esc__scavenger_poll();
  }
  esc__stat_add(&esc__counters.flushes, 1);
}

void esc__central_release(unsigned cls, void *p) {
  esc_central_t *c = &esc__central[cls];
  esc__lock(&c->lock);
  c->touched = 1;
  esc_central_return(c, p);
  esc__unlock(&c->lock);
  esc__scavenger_poll();
}

void esc__central_return_all(unsigned cls, void *head) {
  esc_central_t *c = &esc__central[cls];
  esc__lock(&c->lock);
  c->touched = 1;
  esc_central_return_list(c, head);
  esc__unlock(&c->lock);
  esc__scavenger_poll();
  esc__stat_add(&esc__counters.flushes, 1);
}

// esc__central_drain_idle returns the batches of classes no thread used
// since the last call (all of them when force) to their spans.
void esc__central_drain_idle(bool force) {
  for (unsigned cls = 1; cls < ESC_NCLASSES; cls++) {
    esc_central_t *c = &esc__central[cls];
    if (atomic_load_explicit(&c->lock.v, memory_order_relaxed) && !force) continue;
    esc__lock(&c->lock);
    if (force || !c->touched)
      while (c->nchains > 0) esc_central_return_list(c, *esc_slot(cls, --c->nchains));
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
