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
// sizeof of a variable-length array type evaluates its size, and that
// stores a block's address in a global (C11 6.5.3.4p2).  The size was
// skipped: the block moved to the stack, and main printed what later
// calls wrote there.
// CHECK: 3 hello
// REMARK: vla-size-differential.c:[[@LINE+10]]:{{.*}}'p' escapes to heap: assigned to global 'g'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scribble.h"

static char *g;

__attribute__((noinline)) static size_t publish(int n) {
  char *p = malloc(32);
  strcpy(p, "hello");
  return sizeof(char[(g = p, n)]);
}

int main(void) {
  size_t s = publish(3);
  scribble(3);
  printf("%zu %s\n", s, g);
  free(g);
  return 0;
}
