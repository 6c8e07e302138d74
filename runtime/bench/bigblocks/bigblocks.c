//===- bigblocks.c - large blocks replaced at random -----------------------===//
//
// Part of escape.  Keeps a table of large blocks (64 KiB to 1 MiB and a
// little more) and replaces a random one per step, touching only the first
// and the last page of each: the page heap's reuse of free spans, and how
// many freed pages a runtime keeps resident against how many it faults in
// again.
// Usage: bigblocks [steps=200000] [slots=64]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 200000);
  long slots = bench_arg(argc, argv, 2, 64);
  if (slots < 1) return 1;
  unsigned char **live = calloc((size_t)slots, sizeof *live);
  if (!live) return 1;
  bench_rng_t rng = {0x2545F4914F6CDD1DULL};
  uint64_t sum = 0;
  for (long i = 0; i < steps; i++) {
    size_t k = (size_t)(bench_rand(&rng) % (uint64_t)slots);
    free(live[k]);
    size_t n = bench_range(&rng, 65536, 65536 + (1u << 20));
    unsigned char *p = malloc(n);
    if (!p) return 1;
    p[0] = (unsigned char)i;
    p[n - 1] = (unsigned char)n;
    sum += p[0] + p[n - 1];
    live[k] = p;
  }
  for (long k = 0; k < slots; k++) free(live[k]);
  free(live);
  printf("bigblocks steps=%ld slots=%ld sum=%llu\n", steps, slots, (unsigned long long)sum);
  return 0;
}
