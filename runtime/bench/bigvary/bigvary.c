//===- bigvary.c - big blocks of varying sizes, one or a few at a time ----===//
//
// Part of escape.  Two phases of the same pattern at two scales: a buffer
// of 1-8 MiB, a random size each time, taken, written and freed (a program
// reading files of varying sizes whole), then eight slots of 256-512 KiB
// blocks replaced at random.  Neither size repeats, so an allocator that
// reuses only exact fits maps fresh pages and faults every one of them in;
// one that releases freed pages at once faults them in again.
// Usage: bigvary [huge_rounds=5000] [mid_rounds=200000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <string.h>

int main(int argc, char **argv) {
  long huge = bench_arg(argc, argv, 1, 5000);
  long mid = bench_arg(argc, argv, 2, 200000);
  bench_rng_t rng = {0x9E3779B97F4A7C15ULL};
  uint64_t sum = 0;
  for (long i = 0; i < huge; i++) {
    size_t n = ((size_t)1 << 20) + (size_t)(bench_rand(&rng) % (7u << 20));
    char *p = malloc(n);
    if (!p) return 1;
    memset(p, (int)i, n);
    sum += (unsigned char)p[n / 2];
    free(p);
  }
  char *slot[8] = {0};
  for (long i = 0; i < mid; i++) {
    size_t k = (size_t)(bench_rand(&rng) % 8);
    free(slot[k]);
    size_t n = (256u << 10) + (size_t)(bench_rand(&rng) % (256u << 10));
    slot[k] = malloc(n);
    if (!slot[k]) return 1;
    for (size_t j = 0; j < n; j += 4096) slot[k][j] = (char)i;
    sum += (unsigned char)slot[k][0];
  }
  for (int k = 0; k < 8; k++) free(slot[k]);
  printf("bigvary huge=%ld mid=%ld sum=%llu\n", huge, mid, (unsigned long long)sum);
  return 0;
}
