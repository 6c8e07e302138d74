//===- stats.c - counters and the statistics report -----------------------===//
//
// Part of escape.  Relaxed atomic counters bumped on the slow paths only
// (segments, spans, huge blocks, commit and release; the central batches
// are counted per thread, in its cache, and added up here), and
// the report ESCAPE_RT_STATS=1 prints at exit, formatted without stdio.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#include <string.h>

esc_counters_t esc__counters;

void esc__stat_add(atomic_uint_fast64_t *c, uint64_t n) {
  atomic_fetch_add_explicit(c, n, memory_order_relaxed);
}

void esc__stat_sub(atomic_uint_fast64_t *c, uint64_t n) {
  atomic_fetch_sub_explicit(c, n, memory_order_relaxed);
}

void esc__committed_add(uint64_t n) {
  uint64_t now = atomic_fetch_add_explicit(&esc__counters.committed, n, memory_order_relaxed) + n;
  uint64_t peak = atomic_load_explicit(&esc__counters.committed_peak, memory_order_relaxed);
  while (now > peak && !atomic_compare_exchange_weak_explicit(&esc__counters.committed_peak,
                                                              &peak, now, memory_order_relaxed,
                                                              memory_order_relaxed)) {
  }
}

int esc__fmt_u64(char *buf, uint64_t v, int base) {
  char tmp[24];
  int n = 0;
  do {
    unsigned d = (unsigned)(v % (uint64_t)base);
    tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    v /= (uint64_t)base;
  } while (v);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = 0;
  return n;
}

int esc__stats_get(esc_stats_t *out) {
  if (!out) return EINVAL;
  esc_counters_t *c = &esc__counters;
  out->mapped_bytes = atomic_load(&c->mapped);
  out->committed_bytes = atomic_load(&c->committed);
  out->committed_peak = atomic_load(&c->committed_peak);
  out->released_bytes = atomic_load(&c->released);
  out->huge_allocs = atomic_load(&c->huge_allocs);
  out->huge_bytes = atomic_load(&c->huge_bytes);
  out->spans_allocated = atomic_load(&c->spans);
  out->central_refills = atomic_load(&c->refills);
  out->central_flushes = atomic_load(&c->flushes);
  esc__tcache_counts(&out->central_refills, &out->central_flushes);
  out->segments = atomic_load(&c->segments);
  return 0;
}

static size_t esc_stats_line(char *buf, size_t at, const char *name, uint64_t v) {
  size_t len = strlen(name);
  memcpy(buf + at, name, len);
  at += len;
  for (; len < 24; len++) buf[at++] = ' ';
  at += (size_t)esc__fmt_u64(buf + at, v, 10);
  buf[at++] = '\n';
  return at;
}

// Per-class totals of the spans in use, gathered under the heap lock.
typedef struct {
  uint64_t spans[ESC_NCLASSES], pages[ESC_NCLASSES], carved[ESC_NCLASSES], out[ESC_NCLASSES];
} esc_class_stats_t;

static void esc_stats_span(const esc_span_t *s, void *arg) {
  esc_class_stats_t *t = arg;
  unsigned c = s->state == ESC_SPAN_SMALL ? s->cls : 0;
  t->spans[c]++;
  t->pages[c] += s->npages;
  if (!c) return;
  // Objects past the bump pointer were never handed out.
  size_t size = esc__class_size[c];
  t->carved[c] += s->bump ? (uint64_t)(s->bump - s->start) / size : s->capacity;
  t->out[c] += s->inuse;
}

// esc_stats_col appends v right-aligned in a column of `width`.
static size_t esc_stats_col(char *buf, size_t at, uint64_t v, int width) {
  char tmp[24];
  int len = esc__fmt_u64(tmp, v, 10);
  for (int k = len; k < width; k++) buf[at++] = ' ';
  memcpy(buf + at, tmp, (size_t)len);
  return at + (size_t)len;
}

int esc__stats_print_classes(int fd) {
  // Mapped for the call: a static table (4 KiB) lay in the runtime's data
  // between the size-class tables and the central lists, which every program
  // touches, and made a page more of it resident; nor on the stack of a
  // late destructor.
  size_t page = esc__prim_page_size();
  size_t len = (sizeof(esc_class_stats_t) + page - 1) & ~(page - 1);
  void *mem;
  int err = esc__prim_map(len, &mem);
  if (err) return err;
  esc_class_stats_t *t = mem;
  esc__heap_walk(esc_stats_span, t);
  char buf[128];
  const char *head = "escape-rt size classes:\n   size   spans   pages   carved      out\n";
  err = esc__prim_write(fd, head, strlen(head));
  for (unsigned c = 0; c < ESC_NCLASSES && !err; c++) {
    if (!t->spans[c]) continue;
    size_t n = 0;
    if (c) {
      n = esc_stats_col(buf, n, esc__class_size[c], 7);
    } else {
      memcpy(buf, "  large", 7);
      n = 7;
    }
    n = esc_stats_col(buf, n, t->spans[c], 8);
    n = esc_stats_col(buf, n, t->pages[c], 8);
    if (c) {
      n = esc_stats_col(buf, n, t->carved[c], 9);
      n = esc_stats_col(buf, n, t->out[c], 9);
    }
    buf[n++] = '\n';
    err = esc__prim_write(fd, buf, n);
  }
  esc__prim_unmap(mem, len);
  return err;
}

int esc__stats_print(int fd) {
  esc_stats_t s;
  esc__stats_get(&s);
  char buf[1024];
  size_t n = 0;
  const char *head = "escape-rt statistics:\n";
  memcpy(buf, head, strlen(head));
  n += strlen(head);
  n = esc_stats_line(buf, n, "  mapped bytes", s.mapped_bytes);
  n = esc_stats_line(buf, n, "  committed bytes", s.committed_bytes);
  n = esc_stats_line(buf, n, "  committed peak", s.committed_peak);
  n = esc_stats_line(buf, n, "  released bytes", s.released_bytes);
  n = esc_stats_line(buf, n, "  huge allocations", s.huge_allocs);
  n = esc_stats_line(buf, n, "  huge bytes live", s.huge_bytes);
  n = esc_stats_line(buf, n, "  spans allocated", s.spans_allocated);
  n = esc_stats_line(buf, n, "  central refills", s.central_refills);
  n = esc_stats_line(buf, n, "  central flushes", s.central_flushes);
  n = esc_stats_line(buf, n, "  segments", s.segments);
  return esc__prim_write(fd, buf, n);
}

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(stats_get);
ESC_API_ALIAS(stats_print);
ESC_API_ALIAS(stats_print_classes);
