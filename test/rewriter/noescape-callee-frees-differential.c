// REQUIRES: escape-cc
// RUN: %clang -O2 %s %inputs/noescape-consume.c -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 -c %s -o %t.o 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: %escape_cc -O2 %t.o %inputs/noescape-consume.c -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// A noescape parameter of a function in another file: the function keeps
// no copy of the pointer, but it may free the block or reallocate it.
// Moved to the stack, the block was freed by the callee's free(), which
// this compile cannot redirect (the runtime reported a free of a pointer it
// does not own, glibc aborts).  The blocks stay on the heap, except the one
// this file frees after the call: then the callee did not.
// CHECK: consume hello
// CHECK-NEXT: look grown
// CHECK-NEXT: grown+grown
// CHECK-NEXT: look kept
// CHECK-NEXT: done
// REMARK-DAG: noescape-callee-frees-differential.c:[[@LINE+13]]:{{.*}}stays on the heap: may be freed by 'consume'
// REMARK-DAG: noescape-callee-frees-differential.c:[[@LINE+18]]:{{.*}}stays on the heap: may be freed by '{{look|regrow}}'
// REMARK-DAG: noescape-callee-frees-differential.c:[[@LINE+24]]:{{.*}}moved to the frame arena
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char *kept;
void consume(__attribute__((noescape)) char *p);
void regrow(__attribute__((noescape)) char *p);
void look(__attribute__((noescape)) const char *p);

static void hand_over(void) {
  char *p = malloc(32);
  strcpy(p, "hello");
  consume(p);
}

static void grow(void) {
  char *p = malloc(32);
  strcpy(p, "grown");
  look(p);
  regrow(p);
}

static void read_only(int n) {
  char *p = malloc(n);
  strcpy(p, "kept");
  look(p);
  free(p);
}

int main(int argc, char **argv) {
  (void)argv;
  hand_over();
  grow();
  puts(kept);
  free(kept);
  read_only(argc + 31);
  puts("done");
  return 0;
}
