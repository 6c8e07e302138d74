//===- rounds.c - small objects allocated and all freed, in rounds ---------===//
//
// Part of escape.  Each round allocates a table of small objects (16-128
// bytes), touches them and frees them all, in order: a program in phases
// (build a structure, drop it, build the next).  Every object goes through
// the thread cache and back, so the workload measures how cheaply freed
// objects return and come back in bulk.
// Usage: rounds [objects=100000] [rounds=300]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

int main(int argc, char **argv) {
  long objects = bench_arg(argc, argv, 1, 100000);
  long rounds = bench_arg(argc, argv, 2, 300);
  if (objects < 1) return 1;
  unsigned char **v = calloc((size_t)objects, sizeof *v);
  if (!v) return 1;
  bench_rng_t rng = {0x6A09E667F3BCC909ULL};
  uint64_t sum = 0;
  for (long r = 0; r < rounds; r++) {
    for (long i = 0; i < objects; i++) {
      size_t n = bench_range(&rng, 16, 128);
      v[i] = malloc(n);
      if (!v[i]) return 1;
      v[i][0] = (unsigned char)i;
      sum += v[i][0];
    }
    for (long i = 0; i < objects; i++) free(v[i]);
  }
  free(v);
  printf("rounds objects=%ld rounds=%ld sum=%llu\n", objects, rounds, (unsigned long long)sum);
  return 0;
}
