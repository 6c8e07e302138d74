// REQUIRES: escape-cc
// RUN: %clang -O2 -I %inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -I %inputs -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -I %inputs %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A generic swap through a byte buffer (element size known at run time)
// hands an out-parameter's address to a second pointer, through which the
// function stores a new block: the block reaches the caller.  The swap's
// bytes escaped, and the pointer swapped back was taken to point nowhere:
// the block moved to the stack, main printed what later calls wrote there
// and freed a stack address.
// CHECK: swapped
// REMARK: swap-through-bytes-differential.c:[[@LINE+17]]:{{.*}}'s' escapes to heap: content leaks through parameter 'a' of 'gswap'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scribble.h"

static void gswap(void *a, void *b, size_t n) {
  unsigned char t[64];
  memcpy(t, a, n);
  memcpy(a, b, n);
  memcpy(b, t, n);
}

__attribute__((noinline)) static void put(char **o) {
  char **x = o, **y = 0;
  gswap(&x, &y, sizeof x);
  char *s = malloc(16);
  strcpy(s, "swapped");
  *y = s;
}

int main(void) {
  char *q = 0;
  put(&q);
  scribble(3);
  printf("%s\n", q);
  free(q);
  return 0;
}
