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
// A variadic function stores its first variadic argument (the caller's
// parameter) into a named parameter's pointee; the caller stores a new
// block through the pointer it got back, into its own caller's memory.
// The variadic flow was dropped from the summary: the block moved to the
// stack, and main printed what later calls wrote there.
// CHECK: 7
// REMARK: variadic-store-differential.c:[[@LINE+19]]:{{.*}}'t->val' escapes to heap
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "scribble.h"

struct N { int *val; };

__attribute__((noinline)) static void set(struct N **q, ...) {
  va_list ap;
  va_start(ap, q);
  *q = va_arg(ap, struct N *);
  va_end(ap);
}

__attribute__((noinline)) static void g(struct N *o) {
  struct N loc = {0}, *t = &loc;
  set(&t, o);
  t->val = malloc(sizeof *t->val);
  *t->val = 7;
}

int main(void) {
  struct N *o = calloc(1, sizeof *o);
  g(o);
  scribble(3);
  printf("%d\n", *o->val);
  free(o->val);
  free(o);
  return 0;
}
