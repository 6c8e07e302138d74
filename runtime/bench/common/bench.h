//===- bench.h - shared helpers for the allocator workloads ------*- C -*-===//
//
// Part of escape.  Small helpers every workload in runtime/bench/ uses: a
// deterministic random generator, the current and peak resident set size
// read from /proc, and argument parsing.  Header-only so each workload stays
// one C file compiled with a plain `cc -O2`.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_BENCH_H
#define ESCAPE_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// bench_rng_t is a xorshift64* generator: the same seed gives the same
// sequence of sizes under every allocator.
typedef struct bench_rng_s { uint64_t s; } bench_rng_t;

static inline uint64_t bench_rand(bench_rng_t *r) {
  uint64_t x = r->s;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  r->s = x;
  return x * 0x2545F4914F6CDD1DULL;
}

// bench_range returns a value in [lo, hi].
static inline size_t bench_range(bench_rng_t *r, size_t lo, size_t hi) {
  return lo + (size_t)(bench_rand(r) % (uint64_t)(hi - lo + 1));
}

// bench_proc_status_kb reads one "<key>: N kB" line of /proc/self/status;
// 0 when it is missing.
static inline long bench_proc_status_kb(const char *key) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long kb = 0;
  size_t n = strlen(key);
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, key, n) == 0 && line[n] == ':') {
      kb = strtol(line + n + 1, NULL, 10);
      break;
    }
  }
  fclose(f);
  return kb;
}

// bench_rss_kb is the current resident set size; bench_peak_kb the peak.
static inline long bench_rss_kb(void) { return bench_proc_status_kb("VmRSS"); }
static inline long bench_peak_kb(void) { return bench_proc_status_kb("VmHWM"); }

// bench_arg returns argv[i] as a number, or def when absent; lets bench.sh
// scale a workload without recompiling it.
static inline long bench_arg(int argc, char **argv, int i, long def) {
  return i < argc ? strtol(argv[i], NULL, 10) : def;
}

// bench_touch writes one byte per 64 so the allocation is really used, as a
// program would, without measuring memset.
static inline void bench_touch(void *p, size_t n) {
  unsigned char *c = (unsigned char *)p;
  for (size_t i = 0; i < n; i += 64) c[i] = (unsigned char)i;
  if (n) c[n - 1] = 1;
}

#endif
