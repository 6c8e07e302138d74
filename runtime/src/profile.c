//===- profile.c - sampling heap profile ----------------------------------===//
//
// Part of escape.  With ESCAPE_RT_PROFILE=path, about one allocation per
// ESCAPE_RT_PROFILE_RATE bytes (exponentially distributed, as Go and
// tcmalloc do) records its call stack; frees of sampled blocks are matched.
// At exit (or esc_profile_write) the buckets are written in the legacy
// "heap profile: ... @ heap_v2/RATE" text format with a MAPPED_LIBRARIES
// section, which google-pprof reads.  Tables live in pages of their own.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#include <string.h>
#include <unistd.h>

#define ESC_PROF_DEPTH 32
#define ESC_PROF_BUCKETS 4096  // power of two
#define ESC_PROF_SAMPLES 65536 // power of two

typedef struct {
  uint64_t hash;
  uint32_t depth;
  int64_t alloc_count, alloc_bytes, inuse_count, inuse_bytes;
  void *pcs[ESC_PROF_DEPTH];
} esc_bucket_t;

typedef struct {
  void *p; // NULL: empty; (void *)1: deleted
  uint32_t bucket;
  uint64_t size;
} esc_sample_t;

static esc_lock_t esc_prof_lock;
static esc_bucket_t *esc_prof_buckets;
static esc_sample_t *esc_prof_samples;
static uint32_t esc_prof_nbuckets;

// esc_ln approximates the natural logarithm of x in (0, 1] without libm.
static double esc_ln(double x) {
  int e = 0;
  while (x < 1.0) { x *= 2.0; e--; }
  double t = (x - 1.0) / (x + 1.0), t2 = t * t, sum = 0.0, pow = t;
  for (int k = 1; k < 16; k += 2) { sum += pow / k; pow *= t2; }
  return 2.0 * sum + e * 0.6931471805599453;
}

static int64_t esc_next_interval(esc_tcache_t *tc) {
  tc->rng ^= tc->rng << 13;
  tc->rng ^= tc->rng >> 7;
  tc->rng ^= tc->rng << 17;
  double u = ((tc->rng >> 11) + 1) * (1.0 / 9007199254740992.0); // (0, 1]
  double v = -esc_ln(u) * (double)esc__options.profile_rate;
  return (int64_t)v + 1;
}

static bool esc_prof_tables(void) {
  if (esc_prof_buckets) return true;
  void *b, *s;
  if (esc__prim_map(sizeof(esc_bucket_t) * ESC_PROF_BUCKETS, &b)) return false;
  if (esc__prim_map(sizeof(esc_sample_t) * ESC_PROF_SAMPLES, &s)) return false;
  esc_prof_samples = s;
  esc_prof_buckets = b;
  return true;
}

// The process that read ESCAPE_RT_PROFILE; a forked child writes PATH.PID
// (it wrote PATH with O_TRUNC, and its parent wrote over it at its own
// exit).  A pid, not a fork handler: a single-threaded process has none.
static pid_t esc_prof_pid;

void esc__profile_init(esc_tcache_t *tc) {
  if (!esc_prof_pid) esc_prof_pid = getpid();
  tc->rng = ((uint64_t)(uintptr_t)tc * 0x9E3779B97F4A7C15ull) ^ esc__prim_clock_ms() ^ 1;
  tc->sample_left = esc_next_interval(tc);
}

static uint64_t esc_stack_hash(void **pcs, uint32_t n) {
  uint64_t h = 1469598103934665603ull;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (uintptr_t)pcs[i]) * 1099511628211ull;
  return h;
}

// esc_bucket_find returns the bucket index of a stack, adding it; -1 if full.
static int64_t esc_bucket_find(void **pcs, uint32_t n) {
  uint64_t h = esc_stack_hash(pcs, n);
  for (uint32_t i = 0; i < ESC_PROF_BUCKETS; i++) {
    uint32_t k = (uint32_t)(h + i) & (ESC_PROF_BUCKETS - 1);
    esc_bucket_t *b = &esc_prof_buckets[k];
    if (b->depth == 0) {
      b->hash = h;
      b->depth = n;
      memcpy(b->pcs, pcs, n * sizeof *pcs);
      esc_prof_nbuckets++;
      return k;
    }
    if (b->hash == h && b->depth == n && !memcmp(b->pcs, pcs, n * sizeof *pcs)) return k;
  }
  return -1;
}

static uint32_t esc_ptr_slot(const void *p) {
  return (uint32_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 40);
}

static bool esc_sample_insert(void *p, uint32_t bucket, uint64_t size) {
  for (uint32_t i = 0, k = esc_ptr_slot(p); i < ESC_PROF_SAMPLES; i++, k++) {
    esc_sample_t *s = &esc_prof_samples[k & (ESC_PROF_SAMPLES - 1)];
    if (s->p == NULL || s->p == (void *)1) {
      s->p = p;
      s->bucket = bucket;
      s->size = size;
      return true;
    }
  }
  return false;
}

static void esc_mark_sampled(void *p) {
  esc_segment_t *seg = esc__segment_of(p);
  if (seg->kind == ESC_SEG_HUGE) seg->huge_sampled = 1;
  else esc__span_of(seg, p)->sampled = 1;
}

// Frames of the runtime a stack may start with: the backtrace call, this
// function, the slow path and, in builds that do not inline, its helpers.
#define ESC_PROF_OWN 8

void esc__profile_sample(esc_tcache_t *tc, void *p, size_t size, void *ra) {
  if (tc->in_sample) return;
  tc->sample_left -= (int64_t)size;
  if (tc->sample_left > 0) return;
  tc->sample_left = esc_next_interval(tc);
  tc->in_sample = 1;
  void *raw[ESC_PROF_DEPTH + ESC_PROF_OWN];
  int got = 0;
  esc__prim_backtrace(raw, ESC_PROF_DEPTH + ESC_PROF_OWN, &got);
  // The stack starts at the program's frame: where it called calloc or
  // realloc when one of them recorded that, else where the slow path
  // returns to (malloc reaches it by a tail call).  Without this the top
  // frame was the runtime's slow path, which `pprof --text` then showed as
  // the allocating function for every sample.
  void *start = tc->caller ? tc->caller : ra;
  int skip = 0;
  while (skip < got && raw[skip] != start) skip++;
  if (skip == got) skip = got > 2 ? 2 : got;
  void **pcs = raw + skip;
  uint32_t n = (uint32_t)(got - skip);
  if (n > ESC_PROF_DEPTH) n = ESC_PROF_DEPTH;
  if (n == 0) {
    pcs = raw;
    pcs[n++] = __builtin_return_address(0);
  }
  esc__lock(&esc_prof_lock);
  if (esc_prof_tables()) {
    int64_t b = esc_bucket_find(pcs, n);
    if (b >= 0 && esc_sample_insert(p, (uint32_t)b, size)) {
      esc_bucket_t *bk = &esc_prof_buckets[b];
      bk->alloc_count++;
      bk->alloc_bytes += (int64_t)size;
      bk->inuse_count++;
      bk->inuse_bytes += (int64_t)size;
      esc_mark_sampled(p);
    }
  }
  esc__unlock(&esc_prof_lock);
  tc->in_sample = 0;
}

void esc__profile_forget(void *p) {
  esc__lock(&esc_prof_lock);
  if (esc_prof_samples) {
    for (uint32_t i = 0, k = esc_ptr_slot(p); i < ESC_PROF_SAMPLES; i++, k++) {
      esc_sample_t *s = &esc_prof_samples[k & (ESC_PROF_SAMPLES - 1)];
      if (s->p == NULL) break;
      if (s->p != p) continue;
      esc_bucket_t *b = &esc_prof_buckets[s->bucket];
      b->inuse_count--;
      b->inuse_bytes -= (int64_t)s->size;
      s->p = (void *)1;
      break;
    }
  }
  esc__unlock(&esc_prof_lock);
}

// --- Writing the profile

typedef struct {
  int fd, err;
  size_t n;
  char buf[4096];
} esc_out_t;

static void esc_out_flush(esc_out_t *o) {
  if (!o->err && o->n) o->err = esc__prim_write(o->fd, o->buf, o->n);
  o->n = 0;
}

static void esc_out_str(esc_out_t *o, const char *s) {
  for (; *s; s++) {
    if (o->n == sizeof o->buf) esc_out_flush(o);
    o->buf[o->n++] = *s;
  }
}

static void esc_out_num(esc_out_t *o, int64_t v, int base) {
  char tmp[32];
  if (v < 0) { esc_out_str(o, "-"); v = -v; }
  esc__fmt_u64(tmp, (uint64_t)v, base);
  esc_out_str(o, tmp);
}

// esc_out_counts writes "A: B [C: D]".
static void esc_out_counts(esc_out_t *o, int64_t a, int64_t b, int64_t c, int64_t d) {
  esc_out_num(o, a, 10); esc_out_str(o, ": ");
  esc_out_num(o, b, 10); esc_out_str(o, " [");
  esc_out_num(o, c, 10); esc_out_str(o, ": ");
  esc_out_num(o, d, 10); esc_out_str(o, "]");
}

static void esc_out_profile(esc_out_t *o) {
  int64_t t[4] = {0, 0, 0, 0};
  for (uint32_t k = 0; k < ESC_PROF_BUCKETS; k++) {
    esc_bucket_t *b = &esc_prof_buckets[k];
    t[0] += b->inuse_count; t[1] += b->inuse_bytes;
    t[2] += b->alloc_count; t[3] += b->alloc_bytes;
  }
  esc_out_str(o, "heap profile: ");
  esc_out_counts(o, t[0], t[1], t[2], t[3]);
  esc_out_str(o, " @ heap_v2/");
  esc_out_num(o, (int64_t)esc__options.profile_rate, 10);
  esc_out_str(o, "\n");
  for (uint32_t k = 0; k < ESC_PROF_BUCKETS; k++) {
    esc_bucket_t *b = &esc_prof_buckets[k];
    if (!b->depth || !b->alloc_count) continue;
    esc_out_counts(o, b->inuse_count, b->inuse_bytes, b->alloc_count, b->alloc_bytes);
    esc_out_str(o, " @");
    for (uint32_t i = 0; i < b->depth; i++) {
      esc_out_str(o, " 0x");
      esc_out_num(o, (int64_t)(uintptr_t)b->pcs[i], 16);
    }
    esc_out_str(o, "\n");
  }
  esc_out_str(o, "\nMAPPED_LIBRARIES:\n");
  esc_out_flush(o);
}

int esc__profile_write(const char *path) {
  if (!esc__options.profile || !path) return EINVAL;
  esc_out_t o = {.fd = -1};
  int err = esc__prim_open_write(path, &o.fd);
  if (err) return err;
  esc__lock(&esc_prof_lock);
  if (esc_prof_tables()) esc_out_profile(&o);
  else o.err = ENOMEM;
  esc__unlock(&esc_prof_lock);
  if (!o.err) o.err = esc__prim_copy_file("/proc/self/maps", o.fd);
  err = esc__prim_close(o.fd);
  return o.err ? o.err : err;
}

void esc__profile_at_exit(void) {
  char path[sizeof esc__options.profile_path + 24];
  size_t n = strlen(esc__options.profile_path);
  memcpy(path, esc__options.profile_path, n + 1);
  if (esc_prof_pid && getpid() != esc_prof_pid) {
    path[n] = '.';
    esc__fmt_u64(path + n + 1, (uint64_t)getpid(), 10);
  }
  int err = esc__profile_write(path);
  if (!err) return;
  const char *parts[] = {"cannot write the heap profile ", path, ": ", strerror(err)};
  esc__error_parts(err, parts, 4);
}

void esc__profile_fork_prepare(void) { esc__lock(&esc_prof_lock); }
void esc__profile_fork_parent(void) { esc__unlock(&esc_prof_lock); }
void esc__profile_fork_child(void) { esc__lock_init(&esc_prof_lock); }

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(profile_write);
