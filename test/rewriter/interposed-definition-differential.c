// REQUIRES: escape-cc
// RUN: %clang -O0 -fPIC -shared -DLIB %s -o %t.plain.so
// RUN: %clang -O0 %s %t.plain.so -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O0 -fPIC -shared -DLIB -fplugin-arg-escape-report=%t.yaml %s -o %t.esc.so
// RUN: %clang -O0 %s %t.esc.so -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O2 -fsemantic-interposition -fPIC -shared -DLIB %s -o %t.esc2.so
// RUN: %clang -O0 %s %t.esc2.so -o %t.esc2
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc2 > %t.esc2.out
// RUN: diff %t.plain.out %t.esc2.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck %s --check-prefix=REPORT < %t.yaml
// A shared library hands a block to a function it exports; the program
// that loads it defines the same function, which keeps the pointer, and
// the library's calls through the PLT run the program's definition.  The
// block must stay on the heap: moved to the stack, the program printed
// what later calls wrote over it.
// CHECK: block1
// CHECK-NEXT: block2
// REPORT: --- !Missed
// REPORT: Name:{{ *}}Escapes
// REPORT: passed to 'keep', which another shared object may replace
#ifdef LIB
#include <stdio.h>
#include <stdlib.h>

void keep(char *p) { (void)p; }

void make(int i) {
  char *p = malloc(16);
  snprintf(p, 16, "block%d", i);
  keep(p);
}
#else
#include <stdio.h>

char *kept;
void keep(char *p) { kept = p; }
void make(int i);

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
