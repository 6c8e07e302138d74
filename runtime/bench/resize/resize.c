//===- resize.c - buffers reallocated to random sizes up to 2 MiB ---------===//
//
// Part of escape.  A table of 1,000 buffers; each step reallocates a random
// one to a size drawn log-uniformly from 1 byte to 2 MiB (one step in fifty
// frees it instead) and writes one byte per 4 KiB of what it gained.  The
// number of blocks above 1 MiB alive wanders, so the allocator frees them
// and takes them in runs rather than in pairs: one that keeps too few freed
// mappings, or releases them too soon, maps and faults in most of every
// big block again.
// Usage: resize [steps=1000000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <string.h>

enum { SLOTS = 1000 };

int main(int argc, char **argv) {
  long steps = bench_arg(argc, argv, 1, 1000000);
  static unsigned char *buf[SLOTS];
  static size_t len[SLOTS];
  bench_rng_t rng = {0x2545F4914F6CDD1DULL};
  uint64_t sum = 0;
  for (long i = 0; i < steps; i++) {
    size_t k = (size_t)(bench_rand(&rng) % SLOTS);
    if (bench_rand(&rng) % 50 == 0) {
      free(buf[k]);
      buf[k] = NULL;
      len[k] = 0;
      continue;
    }
    unsigned bits = (unsigned)(bench_rand(&rng) % 21);
    size_t n = ((size_t)1 << bits) + (size_t)(bench_rand(&rng) % ((size_t)1 << bits));
    unsigned char *p = realloc(buf[k], n);
    if (!p) return 1;
    if (len[k] && p[0] != (unsigned char)k) return 2; // the old bytes moved with it
    for (size_t j = len[k]; j < n; j += 4096) p[j] = (unsigned char)j;
    p[0] = (unsigned char)k;
    buf[k] = p;
    len[k] = n;
    sum += n & 0xff;
  }
  for (size_t k = 0; k < SLOTS; k++) free(buf[k]);
  printf("resize steps=%ld sum=%llu\n", steps, (unsigned long long)sum);
  return 0;
}
