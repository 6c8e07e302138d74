// REQUIRES: escape-cc
// RUN: %clang -O0 -std=c11 -c %s -o %t.plain.o
// RUN: %clang -O0 -std=c11 -DOTHER -c %s -o %t.other.o
// RUN: %clang -O0 %t.plain.o %t.other.o -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O0 -std=c11 -c %s -o %t.esc.o
// RUN: %escape_cc -O0 %t.esc.o %t.other.o -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// A C99 inline definition is there to be inlined; without inlining (-O0)
// the call runs the external definition another file provides, which
// keeps the pointer.  The block must stay on the heap: moved to the stack,
// the program printed what later calls wrote over it.
// CHECK: block1
// CHECK-NEXT: block2
#include <stdio.h>
#include <stdlib.h>

#ifdef OTHER
char *kept;
void keep(char *p) { kept = p; }
#else
extern char *kept;
inline void keep(char *p) { (void)p; }

void make(int i) {
  char *p = malloc(16);
  snprintf(p, 16, "block%d", i);
  keep(p);
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[4096];
  for (int i = 0; i < 4096; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  make(1);
  scribble();
  printf("%.15s\n", kept);
  make(2);
  scribble();
  printf("%.15s\n", kept);
  return 0;
}
#endif
