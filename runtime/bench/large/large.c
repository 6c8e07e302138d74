//===- large.c - blocks of 1 to 32 MiB ----------------------------------------===//
//
// Part of escape.  Keeps a few blocks of 1 to 32 MiB live and replaces a
// random one per step, writing one byte in every sixteen pages of it: the
// sizes past every size class, which allocators serve from the OS and may
// cache (image buffers, whole files read into memory, matrices).
// Usage: large [steps=3000] [live=8]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 3000);
  long live = bench_arg(argc, argv, 2, 8);
  if (live < 1 || live > 1024 || steps < 0) return 1;
  unsigned char **slot = calloc((size_t)live, sizeof *slot);
  size_t *len = calloc((size_t)live, sizeof *len);
  if (!slot || !len) return 1;
  bench_rng_t rng = {0xBB67AE8584CAA73BULL};
  uint64_t sum = 0;
  for (long i = 0; i < steps; i++) {
    size_t k = (size_t)(bench_rand(&rng) % (uint64_t)live);
    if (slot[k]) sum += slot[k][0] + slot[k][len[k] - 1];
    free(slot[k]);
    size_t n = bench_range(&rng, (size_t)1 << 20, (size_t)32 << 20);
    unsigned char *p = malloc(n);
    if (!p) return 1;
    for (size_t off = 0; off < n; off += 16 * 4096) p[off] = (unsigned char)(off >> 16);
    p[n - 1] = (unsigned char)i;
    slot[k] = p;
    len[k] = n;
  }
  for (long k = 0; k < live; k++) free(slot[k]);
  free(slot);
  free(len);
  printf("large steps=%ld live=%ld sum=%llu\n", steps, live, (unsigned long long)sum);
  return 0;
}
