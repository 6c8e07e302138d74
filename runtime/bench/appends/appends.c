//===- appends.c - strings that grow a few bytes at a time -----------------===//
//
// Part of escape.  An awk array whose values grow by appending (mawk's
// `w[k] = w[k] " " $i`): each append allocates the longer string, copies the
// old one into it and frees the old one.  20,000 keys, picked at random,
// grow by 3 bytes per append, so the live strings move together through the
// small size classes: a class fills as the strings reach it, then is only
// freed as they leave it.  What an allocator keeps of classes nobody
// allocates from any more shows in the peak RSS (live data at the end: 9
// MB of characters).
// Usage: appends [appends=3000000] [keys=20000]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <string.h>

int main(int argc, char **argv) {
  long appends = bench_arg(argc, argv, 1, 3000000);
  long keys = bench_arg(argc, argv, 2, 20000);
  if (appends < 0 || keys < 1) return 1;
  char **value = calloc((size_t)keys, sizeof *value);
  size_t *len = calloc((size_t)keys, sizeof *len);
  if (!value || !len) return 1;
  bench_rng_t rng = {0x3C6EF372FE94F82BULL};
  for (long i = 0; i < appends; i++) {
    size_t k = (size_t)(bench_rand(&rng) % (uint64_t)keys);
    size_t n = len[k] + 3;
    char *s = malloc(n + 1);
    if (!s) return 1;
    if (value[k]) memcpy(s, value[k], len[k]);
    memcpy(s + len[k], " ab", 3);
    s[n] = '\0';
    free(value[k]);
    value[k] = s;
    len[k] = n;
  }
  uint64_t sum = 0;
  for (long k = 0; k < keys; k++) {
    sum += len[k] + (unsigned char)value[k][len[k] / 2];
    free(value[k]);
  }
  free(value);
  free(len);
  printf("appends n=%ld keys=%ld sum=%llu\n", appends, keys, (unsigned long long)sum);
  return 0;
}
