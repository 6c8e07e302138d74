//===- mixed.c - mixed object sizes, single thread ------------------------===//
//
// Part of escape.  Replaces random objects in a working set whose sizes
// follow a skewed mix: mostly small, some medium (up to 8 KiB), a few large
// (up to 256 KiB), each filled in part.  Exercises every size-class tier and
// the large-object path.
// Usage: mixed [steps=4000000] [slots=2000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

static size_t mixed_size(bench_rng_t *rng) {
  uint64_t pick = bench_rand(rng) % 1000;
  if (pick < 700) return bench_range(rng, 16, 256);
  if (pick < 960) return bench_range(rng, 257, 8192);
  if (pick < 995) return bench_range(rng, 8193, 65536);
  return bench_range(rng, 65537, 262144);
}

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 4000000);
  long slots = bench_arg(argc, argv, 2, 2000);
  void **live = calloc((size_t)slots, sizeof *live);
  if (!live) return 1;
  bench_rng_t rng = {0xD1B54A32D192ED03ULL};
  uint64_t sum = 0;
  for (long i = 0; i < steps; i++) {
    size_t k = (size_t)(bench_rand(&rng) % (uint64_t)slots);
    free(live[k]);
    size_t n = mixed_size(&rng);
    unsigned char *p = malloc(n);
    if (!p) return 1;
    // Fill the first 256 bytes, as a program initialising a header would.
    memset(p, (int)(i & 0xff), n < 256 ? n : 256);
    sum += p[(n < 256 ? n : 256) - 1];
    live[k] = p;
  }
  for (long k = 0; k < slots; k++) free(live[k]);
  free(live);
  printf("mixed steps=%ld slots=%ld sum=%llu\n", steps, slots,
         (unsigned long long)sum);
  return 0;
}
