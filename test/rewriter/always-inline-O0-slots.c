// REQUIRES: escape-cc
// RUN: %clang -O0 %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O0 -fplugin-arg-escape-m=1 %s -lpthread -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK-O0 %s < %t.remarks
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -lpthread -o %t.esc2 2> %t.remarks2
// RUN: FileCheck --check-prefix=REMARK-O2 %s < %t.remarks2
// RUN: %t.esc2 > %t.esc2.out
// RUN: diff %t.plain.out %t.esc2.out
// Fourteen always_inline helpers with a 1000-byte block each, called one
// after the other on a thread with a 16 KiB stack.  Optimized, their stack
// slots share bytes in the caller's frame; at -O0 nothing lets them, so
// each call's slot added 1000 bytes to the caller's frame and the thread
// overflowed its stack.  At -O0 the blocks go to the frame arena.
// REMARK-O0-COUNT-14: remark: allocation does not escape; moved to the frame arena
// REMARK-O2-COUNT-14: remark: allocation does not escape; moved to the stack
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long acc;
#define HELPER(name)                                                          \
  static inline __attribute__((always_inline)) void name(int v) {            \
    char *b = malloc(1000);                                                   \
    memset(b, v, 1000);                                                       \
    acc += b[v];                                                              \
    free(b);                                                                  \
  }
HELPER(h1)
HELPER(h2)
HELPER(h3)
HELPER(h4)
HELPER(h5)
HELPER(h6)
HELPER(h7)
HELPER(h8)
HELPER(h9)
HELPER(h10)
HELPER(h11)
HELPER(h12)
HELPER(h13)
HELPER(h14)

static void all(int v) {
  h1(v);
  h2(v);
  h3(v);
  h4(v);
  h5(v);
  h6(v);
  h7(v);
  h8(v);
  h9(v);
  h10(v);
  h11(v);
  h12(v);
  h13(v);
  h14(v);
}

static void *run(void *arg) {
  (void)arg;
  for (int i = 1; i < 4; i++)
    all(i);
  return NULL;
}

int main(void) {
  pthread_attr_t a;
  pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, 16384);
  if (pthread_create(&t, &a, run, NULL) != 0)
    return 1;
  pthread_join(t, NULL);
  printf("%ld\n", acc);
  return 0;
}
