//===- realloc.c - realloc growth ------------------------------------------===//
//
// Part of escape.  Builds many growing buffers the way string builders and
// dynamic arrays do: some grow by exact appends (realloc to the new length),
// others double.  Buffers are built in interleaved groups so in-place growth
// is not always possible, then freed.
// Usage: realloc [rounds=100] [buffers=64] [maxlen=65536]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

typedef struct buf_s {
  unsigned char *p;
  size_t len, cap;
  int doubling;  // grow by doubling when set, else to the exact length
} buf_t;

static int buf_append(buf_t *b, size_t n, unsigned char v) {
  size_t need = b->len + n;
  if (need > b->cap) {
    size_t cap = b->doubling ? (b->cap ? b->cap * 2 : 16) : need;
    while (cap < need) cap *= 2;
    unsigned char *q = realloc(b->p, cap);
    if (!q) return -1;
    b->p = q;
    b->cap = cap;
  }
  memset(b->p + b->len, v, n);
  b->len = need;
  return 0;
}

int main(int argc, char **argv) {
  long rounds = bench_arg(argc, argv, 1, 100);
  long nbuf = bench_arg(argc, argv, 2, 64);
  size_t maxlen = (size_t)bench_arg(argc, argv, 3, 65536);
  buf_t *bufs = calloc((size_t)nbuf, sizeof *bufs);
  if (!bufs) return 1;
  bench_rng_t rng = {0xBF58476D1CE4E5B9ULL};
  uint64_t sum = 0;
  for (long r = 0; r < rounds; r++) {
    for (long k = 0; k < nbuf; k++) bufs[k].doubling = (int)(k & 1);
    // Interleave appends across all buffers until each reaches its target.
    size_t target = bench_range(&rng, maxlen / 8, maxlen);
    for (int done = 0; !done;) {
      done = 1;
      for (long k = 0; k < nbuf; k++) {
        if (bufs[k].len >= target) continue;
        done = 0;
        if (buf_append(&bufs[k], bench_range(&rng, 1, 48), (unsigned char)k)) return 1;
      }
    }
    for (long k = 0; k < nbuf; k++) {
      sum += bufs[k].p[bufs[k].len - 1];
      free(bufs[k].p);
      bufs[k] = (buf_t){0};
    }
  }
  free(bufs);
  printf("realloc rounds=%ld buffers=%ld sum=%llu\n", rounds, nbuf,
         (unsigned long long)sum);
  return 0;
}
