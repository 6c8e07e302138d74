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
// A helper copies an array of pointers into a block of its own and stores
// the block through an out-parameter; the caller publishes the copy and
// its string was moved to its frame, so the program printed what the
// stack held later (with and without a pointer to a static beside the
// copies).  The strings stay on the heap now.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void dup_into(char ***out, char **src, int n) {
  char **b = malloc((n + 1) * sizeof *b);
  for (int i = 0; i < n; i++)
    b[i] = src[i];
  b[n] = NULL;
  *out = b;
}

static char mark[] = "mark";
static void dup_marked(char ***out, char **src) {
  char **b = malloc(2 * sizeof *b);
  b[0] = src[0];
  b[1] = mark;
  *out = b;
}

char **g, **h;

__attribute__((noinline)) static void publish(void) {
  char *x = malloc(8);
  strcpy(x, "hello");
  char *y = malloc(8);
  strcpy(y, "world");
  char *arr[2] = {x, y};
  dup_into(&g, arr, 2);
  char *z = malloc(8);
  strcpy(z, "again");
  dup_marked(&h, &z);
}

__attribute__((noinline)) static void clobber(void) {
  volatile char buf[512];
  for (int i = 0; i < 512; i++)
    buf[i] = 'Z';
}

int main(void) {
  publish();
  clobber();
  printf("%s %s %s %s\n", g[0], g[1], h[0], h[1]);
  return 0;
}
// CHECK: hello world again mark
