//===- filebufs.c - one buffer per file, of the file's size ---------------===//
//
// Part of escape.  A file copier's pattern (rsync's sender): a list of file
// entries (a record and a name each) stays live, then every file is read
// into a block of exactly its size, checksummed and freed, with a 32 KiB
// I/O buffer taken and freed around it.  File sizes are drawn log-uniformly
// from 64 B to 256 KiB, so nearly every size class sees a block or two and
// none sees many.  The program holds the list and one file at a time; what
// an allocator keeps resident beyond that is what serving one block of
// nearly every size costs (peak RSS).
// Usage: filebufs [files=20000] [passes=3]
//
//===----------------------------------------------------------------------===//
#include "bench.h"

#include <string.h>

typedef struct entry_s {
  char *name;
  size_t size;
  uint64_t mtime;
} entry_t;

static size_t filebufs_size(bench_rng_t *rng) {
  size_t span = (size_t)1 << (6 + bench_rand(rng) % 12);
  return span + bench_rand(rng) % span;
}

int main(int argc, char **argv) {
  long files = bench_arg(argc, argv, 1, 20000);
  long passes = bench_arg(argc, argv, 2, 3);
  if (files < 1 || passes < 0) return 1;
  bench_rng_t rng = {0xBB67AE8584CAA73BULL};
  entry_t *list = malloc((size_t)files * sizeof *list);
  if (!list) return 1;
  for (long i = 0; i < files; i++) {
    char name[64];
    int n = snprintf(name, sizeof name, "usr/share/doc/pkg%ld/file-%llu.txt", i % 900,
                     (unsigned long long)(bench_rand(&rng) % 100000));
    list[i].name = malloc((size_t)n + 1);
    if (!list[i].name) return 1;
    memcpy(list[i].name, name, (size_t)n + 1);
    list[i].size = filebufs_size(&rng);
    list[i].mtime = bench_rand(&rng);
  }
  uint64_t sum = 0;
  for (long p = 0; p < passes; p++)
    for (long i = 0; i < files; i++) {
      unsigned char *io = malloc(32 * 1024 + 48);
      unsigned char *buf = malloc(list[i].size);
      if (!io || !buf) return 1;
      memset(io, (int)(i & 0xff), 32 * 1024 + 48);
      for (size_t k = 0; k < list[i].size; k++) buf[k] = (unsigned char)(k ^ (size_t)i);
      for (size_t k = 0; k < list[i].size; k += 64) sum += buf[k] + io[k & 0x7fff];
      free(buf);
      free(io);
    }
  for (long i = 0; i < files; i++) free(list[i].name);
  free(list);
  printf("filebufs files=%ld passes=%ld sum=%llu\n", files, passes, (unsigned long long)sum);
  return 0;
}
