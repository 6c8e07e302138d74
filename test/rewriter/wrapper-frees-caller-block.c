// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape_cc -O1 -fsanitize=address %s -o %t.asan
// RUN: %t.asan > %t.asan.out 2>&1
// RUN: diff %t.plain.out %t.asan.out
// RUN: FileCheck %s < %t.esc.out
// Allocation wrappers that also free or reallocate what their caller
// passes (dup_free frees its argument, regrow reallocates the caller's
// scratch block).  The caller's block moves to the arena, and the
// wrapper's own free and realloc go to the arena's; inlined at the
// wrapper's call site, a copy of them stayed the C library's and got the
// arena block (free: "not owned" and a hang; realloc: a crash).  The
// wrapper's call is not inlined then, and its block stays on the heap.
// CHECK: 1200 bad=0
// CHECK-NEXT: 199000
// REMARK: wrapper-frees-caller-block.c:39:13: remark: allocation does not escape; moved to the frame arena
// REMARK: wrapper-frees-caller-block.c:40:13: remark: allocation does not escape; stays on the heap: the wrapper, or a function it calls, frees or reallocates memory its caller passes
// REMARK: wrapper-frees-caller-block.c:60:19: remark: allocation does not escape; moved to the frame arena
// REMARK: wrapper-frees-caller-block.c:61:13: remark: allocation does not escape; stays on the heap: the wrapper, or a function it calls, frees or reallocates memory its caller passes
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_free(char *s) {
  char *r = strdup(s);
  free(s);
  return r;
}

__attribute__((noinline)) static size_t f(const char *x) {
  char *a = strdup(x);
  char *b = dup_free(a);
  size_t r = strlen(b);
  free(b);
  return r;
}

static char *regrow(char **scratch, size_t n) {
  *scratch = realloc(*scratch, n + 1);
  if (!*scratch)
    abort();
  memset(*scratch, 's', n);
  (*scratch)[n] = 0;
  char *r = malloc(n + 1);
  if (!r)
    abort();
  memcpy(r, *scratch, n + 1);
  return r;
}

__attribute__((noinline)) static size_t g(size_t n) {
  char *scratch = malloc(4);
  char *x = regrow(&scratch, n);
  size_t k = strlen(x) + strlen(scratch);
  free(x);
  free(scratch);
  return k;
}

int main(void) {
  static char s200[201];
  memset(s200, 's', 200);
  size_t s = f(s200), bad = 0;
  for (size_t sz = 16384; sz <= 262144; sz *= 2) {
    char *big = malloc(sz);
    memset(big, 'Z', sz);
    s += f(s200);
    for (size_t i = 0; i < sz; i++)
      bad += big[i] != 'Z';
    free(big);
  }
  printf("%zu bad=%zu\n", s, bad);
  size_t t = 0;
  for (int i = 0; i < 1000; i++)
    t += g((size_t)(i % 200));
  printf("%zu\n", t);
  return 0;
}
