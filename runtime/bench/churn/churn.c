//===- churn.c - single-thread small-object churn --------------------------===//
//
// Part of escape.  One thread keeps a working set of small objects (8-256
// bytes) and replaces a random one per step: the common case of a program
// that allocates and frees short-lived nodes, strings and buffers.
// Usage: churn [steps=20000000] [slots=4096]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 20000000);
  long slots = bench_arg(argc, argv, 2, 4096);
  void **live = calloc((size_t)slots, sizeof *live);
  if (!live) return 1;
  bench_rng_t rng = {0x9E3779B97F4A7C15ULL};
  uint64_t sum = 0;
  for (long i = 0; i < steps; i++) {
    size_t k = (size_t)(bench_rand(&rng) % (uint64_t)slots);
    free(live[k]);
    // Most objects are tiny: a quarter of steps take up to 256 bytes.
    size_t n = (i & 3) ? bench_range(&rng, 8, 64) : bench_range(&rng, 8, 256);
    unsigned char *p = malloc(n);
    if (!p) return 1;
    p[0] = (unsigned char)i;
    p[n - 1] = (unsigned char)n;
    sum += p[0];
    live[k] = p;
  }
  for (long k = 0; k < slots; k++) free(live[k]);
  free(live);
  printf("churn steps=%ld slots=%ld sum=%llu\n", steps, slots,
         (unsigned long long)sum);
  return 0;
}
