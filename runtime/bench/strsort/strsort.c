//===- strsort.c - strings duplicated, sorted, joined and dropped ----------===//
//
// Part of escape.  Each round makes words of 3 to 40 letters with strdup,
// sorts them with qsort, joins runs of them into lines grown by realloc,
// and frees everything in sorted order, which is random against the order
// of allocation: string-processing programs (tokenizers, report writers).
// Usage: strsort [words=200000] [rounds=10]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  long words = bench_arg(argc, argv, 1, 200000);
  long rounds = bench_arg(argc, argv, 2, 10);
  if (words < 1 || rounds < 0) return 1;
  char **w = malloc((size_t)words * sizeof *w);
  if (!w) return 1;
  bench_rng_t rng = {0x3C6EF372FE94F82BULL};
  uint64_t sum = 0;
  for (long r = 0; r < rounds; r++) {
    char buf[64];
    for (long i = 0; i < words; i++) {
      size_t n = bench_range(&rng, 3, 40);
      for (size_t j = 0; j < n; j++) buf[j] = (char)('a' + bench_rand(&rng) % 26);
      buf[n] = 0;
      w[i] = strdup(buf);
      if (!w[i]) return 1;
    }
    qsort(w, (size_t)words, sizeof *w, cmp);
    char *line = NULL;
    size_t len = 0, cap = 0;
    for (long i = 0; i < words; i++) {
      size_t n = strlen(w[i]);
      if (len + n + 2 > cap) {
        cap = cap ? cap * 2 : 64;
        char *l = realloc(line, cap);
        if (!l) return 1;
        line = l;
      }
      memcpy(line + len, w[i], n);
      len += n;
      line[len++] = ' ';
      line[len] = 0;
      if (len > 4000 || i + 1 == words) {  // a full line goes out
        sum += (unsigned char)line[len / 2];
        free(line);
        line = NULL;
        len = cap = 0;
      }
      free(w[i]);
    }
  }
  free(w);
  printf("strsort words=%ld rounds=%ld sum=%llu\n", words, rounds, (unsigned long long)sum);
  return 0;
}
