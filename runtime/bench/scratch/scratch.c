//===- scratch.c - a big scratch buffer per iteration ----------------------===//
//
// Part of escape.  Each round takes a buffer of a few MiB (the size varies
// by a few pages), fills it and frees it, as a program does with a
// per-request work area or an image row buffer: blocks above the
// large-object limit, whose mapping a runtime may keep or give back.
// Usage: scratch [bytes=4194304] [rounds=500]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <string.h>

int main(int argc, char **argv) {
  long bytes = bench_arg(argc, argv, 1, 4194304);
  long rounds = bench_arg(argc, argv, 2, 500);
  if (bytes < 1) return 1;
  uint64_t sum = 0;
  for (long i = 0; i < rounds; i++) {
    size_t n = (size_t)bytes + (size_t)(i % 7) * 4096;
    unsigned char *p = malloc(n);
    if (!p) return 1;
    memset(p, (int)(i & 0xff), n);
    sum += p[n / 2] + p[n - 1];
    free(p);
  }
  printf("scratch bytes=%ld rounds=%ld sum=%llu\n", bytes, rounds, (unsigned long long)sum);
  return 0;
}
