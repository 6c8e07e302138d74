// REQUIRES: escape-cc
// RUN: %clang -O2 -DDEFS -c %s -o %t.defs.o
// RUN: %escape_cc -O2 -c %s -o %t.main.o -fplugin-arg-escape-m=1 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %escape_cc -O2 %t.main.o %t.defs.o -o %t
// RUN: %t | FileCheck %s
// RUN: env ESCAPE_RT_ARENA_CAP=0 %t | FileCheck %s
// A program that defines malloc, free, calloc and realloc in a file of its
// own links with escape-cc as with clang: the frame arena's fallbacks to
// aligned_alloc and posix_memalign pulled the runtime's malloc in beside
// the program's ("multiple definition of `malloc'").  The program's
// allocator serves what the arena does not (with ESCAPE_RT_ARENA_CAP=0,
// every promoted request falls back to it and goes back through its free
// when the frame leaves).
// REMARK: moved to the frame arena
// CHECK: sum 499500
// CHECK: kept abc
// CHECK: own malloc used: yes
// CHECK: balanced: yes
#ifdef DEFS
#include <stddef.h>
void *__libc_malloc(size_t);
void __libc_free(void *);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
long own_mallocs, own_frees;
void *malloc(size_t n) {
  own_mallocs++;
  return __libc_malloc(n);
}
void free(void *p) {
  if (p) own_frees++;
  __libc_free(p);
}
void *calloc(size_t a, size_t b) {
  own_mallocs++;
  return __libc_calloc(a, b);
}
void *realloc(void *p, size_t n) {
  if (!p) own_mallocs++;
  return __libc_realloc(p, n);
}
#else
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern long own_mallocs, own_frees;
char *kept;

// Dynamic size, freed before return: the frame arena.
static long __attribute__((noinline)) sum_to(int n) {
  long *v = malloc((size_t)n * sizeof *v);
  long s = 0;
  for (int i = 0; i < n; i++) v[i] = i;
  for (int i = 0; i < n; i++) s += v[i];
  free(v);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  long m0 = own_mallocs, f0 = own_frees;
  long s = sum_to(999 + argc);
  int balanced = own_mallocs - m0 == own_frees - f0;
  kept = malloc(4); // stored in a global: stays on the heap
  strcpy(kept, "abc");
  printf("sum %ld\n", s);
  printf("kept %s\n", kept);
  long m = own_mallocs;
  free(kept);
  printf("own malloc used: %s\n", m >= 1 ? "yes" : "no");
  printf("balanced: %s\n", balanced ? "yes" : "no");
  return 0;
}
#endif
