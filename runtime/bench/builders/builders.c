//===- builders.c - string builders grown by doubling realloc -----------===//
//
// Part of escape.  64 string builders live at once; each grows its buffer by
// doubling with realloc as pieces of 1-40 bytes are appended, until it
// reaches a target length drawn log-uniformly from 16 B to 64 KiB.  The
// finished string is copied to an exact-size block that stays in a ring of
// 512 for a while; the builder's buffer is freed and it starts again.  It
// measures how an allocator packs blocks of 4-64 KiB, few per size, next to
// growing buffers (peak RSS), and the cost of realloc growth.
// Usage: builders [appends=8000000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <string.h>

typedef struct builder_s {
  char *buf;
  size_t len, cap, target;
} builder_t;

enum { NB = 64, RING = 512 };

static size_t builders_target(bench_rng_t *rng) {
  size_t span = (size_t)1 << (4 + bench_rand(rng) % 13);
  return 16 + bench_rand(rng) % span;
}

static int builders_add(builder_t *b, const char *p, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 16;
    while (cap < b->len + n + 1) cap *= 2;
    char *nb = realloc(b->buf, cap);
    if (!nb) return -1;
    b->buf = nb;
    b->cap = cap;
  }
  memcpy(b->buf + b->len, p, n);
  b->len += n;
  b->buf[b->len] = 0;
  return 0;
}

int main(int argc, char **argv) {
  long appends = bench_arg(argc, argv, 1, 8000000);
  bench_rng_t rng = {0x9E3779B97F4A7C15ULL};
  builder_t b[NB];
  memset(b, 0, sizeof b);
  for (int i = 0; i < NB; i++) b[i].target = builders_target(&rng);
  char *ring[RING] = {0};
  int rp = 0;
  uint64_t sum = 0;
  char piece[64];
  for (long it = 0; it < appends; it++) {
    builder_t *s = &b[bench_rand(&rng) % NB];
    size_t n = 1 + bench_rand(&rng) % 40;
    for (size_t k = 0; k < n; k++) piece[k] = (char)('a' + (it + (long)k) % 26);
    if (builders_add(s, piece, n) != 0) return 1;
    if (s->len < s->target) continue;
    char *fin = malloc(s->len + 1);
    if (!fin) return 1;
    memcpy(fin, s->buf, s->len + 1);
    sum += s->len + (unsigned char)fin[s->len / 2];
    free(ring[rp]);
    ring[rp] = fin;
    rp = (rp + 1) % RING;
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    s->target = builders_target(&rng);
  }
  for (int i = 0; i < NB; i++) free(b[i].buf);
  for (int i = 0; i < RING; i++) free(ring[i]);
  printf("builders appends=%ld sum=%llu\n", appends, (unsigned long long)sum);
  return 0;
}
