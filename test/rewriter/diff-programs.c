// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %c_to_ir -O0 %s -o %t.O0.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.O0.ll -o %t.O0.esc.ll 2>%t.O0.err
// RUN: FileCheck %s --check-prefix=TRACE < %t.O0.err
// RUN: %clang -O0 %t.O0.esc.ll %arena_stub -nostdinc -I%S/Inputs -o %t.O0.esc
// RUN: %t.O0.esc > %t.O0.out
// RUN: diff %t.plain.out %t.O0.out
// RUN: %c_to_ir -O2 %s -o %t.O2.ll
// RUN: %rewrite_ir -O2 -spec=%s %t.O2.ll -o %t.O2.esc.ll
// RUN: %clang -O0 %t.O2.esc.ll %arena_stub -nostdinc -I%S/Inputs -o %t.O2.esc
// RUN: %t.O2.esc > %t.O2.out
// RUN: diff %t.plain.out %t.O2.out
// RUN: %c_to_ir -O1 -fsanitize=address %s -o %t.asan.ll
// RUN: %rewrite_ir -O1 -spec=%s %t.asan.ll -o %t.asan.esc.ll
// RUN: %clang -O1 -fsanitize=address %t.asan.esc.ll %arena_stub -nostdinc -I%S/Inputs -o %t.asan.esc
// RUN: %t.asan.esc > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// Differential: the program prints the same with and without the rewrite,
// at -O0 and -O2 and under ASan, with every kind of site and free rewrite.
// The frame arena is the strict stub in Inputs/, which aborts when the
// emitted enter/leave/free calls break the arena's contract.
#include "alloc.h"

// TRACE-NOT: warning
// TRACE-COUNT-11: -> {{stack|arena}}

static unsigned hash(const char *s) {
  unsigned h = 2166136261u;
  while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

static int count_words(const char *text) {
  // ESCAPE-SITE: count_words strdup @+1:16 arena
  char *copy = strdup(text);
  int n = 0, in = 0;
  for (char *c = copy; *c; ++c) {
    if (*c == ' ') { *c = 0; in = 0; }
    else if (!in) { in = 1; ++n; }
  }
  // ESCAPE-FREE: count_words free @+1:3 sites=0
  free(copy);
  return n;
}

static long checksum_rows(int rows) {
  long sum = 0;
  for (int r = 0; r < rows; r++) {
    // ESCAPE-SITE: checksum_rows malloc @+1:16 stack size=64
    int *row = malloc(16 * sizeof(int));
    for (int i = 0; i < 16; i++) row[i] = r * i;
    for (int i = 0; i < 16; i++) sum += row[i] ^ i;
    // ESCAPE-FREE: checksum_rows free @+1:5 sites=1
    free(row);
  }
  return sum;
}

static int depth(int n) {
  // ESCAPE-SITE: depth malloc @+1:15 arena
  char *buf = malloc(n + 8);
  memset(buf, n & 0x7f, n + 8);
  int r = n ? depth(n - 1) + buf[n] : buf[0];
  // ESCAPE-FREE: depth free @+1:3 sites=2
  free(buf);
  return r;
}

static unsigned prefixes(const char *s) {
  unsigned h = 0;
  for (size_t k = 1; k <= strlen(s); k++) {
    // ESCAPE-SITE: prefixes strndup @+1:15 arena
    char *p = strndup(s, k);
    h = h * 31 + hash(p);
    // ESCAPE-FREE: prefixes free @+1:5 sites=3
    free(p);
  }
  return h;
}

static long matrix(int n) {
  // ESCAPE-SITE: matrix calloc @+1:13 arena
  long *m = calloc(n * n, sizeof(long));
  // ESCAPE-SITE: matrix aligned_alloc @+1:15 stack size=256
  long *tmp = aligned_alloc(32, 256);
  for (int i = 0; i < 32; i++) tmp[i] = i;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      m[i * n + j] += tmp[(i + j) % 32] + m[j];
  long s = 0;
  for (int i = 0; i < n * n; i++) s += m[i];
  // ESCAPE-FREE: matrix free @+1:3 sites=4
  free(m);
  // ESCAPE-FREE: matrix free @+1:3 sites=5
  free(tmp);
  return s;
}

static int maybe_free(int c) {
  char *heap = malloc(10);
  heap[0] = 'h';
  // ESCAPE-SITE: maybe_free malloc @+1:17 stack size=16
  char *p = c ? malloc(16) : heap;
  p[1] = c ? 'p' : 'q';
  if (c) p[0] = 'c';
  int r = p[0] + p[1];
  // ESCAPE-FREE: maybe_free free @+1:3 sites=6 other
  free(p);
  if (c) free(heap);
  return r;
}

static int zeroed(void) {
  // ESCAPE-SITE: zeroed calloc @+1:12 stack size=128
  int *z = calloc(32, 4);
  int s = 0;
  for (int i = 0; i < 32; i++) s += z[i];
  z[5] = 9;
  return s + z[5];
}

static int loop_scratch(int n) {
  int total = 0;
  for (int i = 1; i <= n; i++) {
    // ESCAPE-SITE: loop_scratch malloc @+1:15 arena
    char *s = malloc(i);
    memset(s, 1, i);
    for (int k = 0; k < i; k++) total += s[k];
    // ESCAPE-FREE: loop_scratch free @+1:5 sites=8
    free(s);
  }
  return total;
}

static long grow(int n) {
  // ESCAPE-SITE: grow malloc @+1:13 arena
  long *v = malloc(sizeof(long));
  long cap = 1;
  for (int i = 0; i < n; i++) {
    if (i == cap) {
      cap *= 2;
      // ESCAPE-SITE: grow realloc @+1:11 arena
      v = realloc(v, cap * sizeof(long));
    }
    v[i] = i * 3;
  }
  long s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  // ESCAPE-FREE: grow free @+1:3 sites=9,10
  free(v);
  return s;
}

int main(void) {
  printf("words %d\n", count_words("the quick  brown fox jumps over"));
  printf("rows %ld\n", checksum_rows(100));
  printf("depth %d\n", depth(200));
  printf("prefixes %u\n", prefixes("escape analysis for C"));
  printf("matrix %ld\n", matrix(20));
  printf("maybe %d %d\n", maybe_free(0), maybe_free(1));
  printf("zeroed %d\n", zeroed());
  printf("loop %d\n", loop_scratch(300));
  printf("grow %ld\n", grow(1000));
  return 0;
}
