// REQUIRES: plugin, rt-core
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
//
// A pointer kept as its distance from a null pointer and rebuilt by adding
// it back, as glibc's obstack.h aligns pointers (__PTR_ALIGN): the block
// must stay on the heap.  Before, it moved and printed what a later block
// wrote over it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef __PTRDIFF_TYPE__ ptrdiff_t;
static char *kept;

static char *dup(const char *s) {
  size_t n = strlen(s) + 1;
  char *r = malloc(n);
  memcpy(r, s, n);
  return r;
}

__attribute__((noinline)) static void keep(long mask) {
  char *p = dup("kept through a null base");
  ptrdiff_t d = p - (char *)0;
  kept = (char *)0 + ((d + mask) & ~mask);
}

__attribute__((noinline)) static void scribble(void) {
  char *q = malloc(64);
  memset(q, 'x', 63);
  q[63] = 0;
  printf("%zu\n", strlen(q));
  free(q);
}

int main(void) {
  keep(0);
  scribble();
  // CHECK: kept through a null base
  printf("%s\n", kept);
  free(kept);
  return 0;
}
