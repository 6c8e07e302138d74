// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: FileCheck %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// Constructors whose block has a constant size: the call is inlined and
// the block takes an entry-block stack slot (zeroed for calloc); a
// temporary of the constructor goes to the arena; the caller's free of
// the block disappears.  Calls in a loop reuse the slot.
#include "alloc.h"
void *memcpy(void *d, const void *s, size_t n);

typedef struct { long x, y; char tag[16]; } point_t;

static point_t *point_new(long x, long y) {
  point_t *p = malloc(sizeof *p);
  p->x = x;
  p->y = y;
  memcpy(p->tag, "pt", 3);
  return p;
}

static point_t *point_zero(void) { return calloc(1, sizeof(point_t)); }

static point_t *point_named(const char *name, long v) {
  size_t n = strlen(name) + 1;
  char *tmp = malloc(n);
  memcpy(tmp, name, n);
  point_t *p = malloc(sizeof *p);
  p->x = v;
  p->y = (long)n;
  memcpy(p->tag, tmp, n < 16 ? n : 15);
  p->tag[15] = 0;
  free(tmp);
  return p;
}

long run(int i) {
  // CHECK-DAG: wrapper-stack.c:[[@LINE+1]]:{{.*}}moved to the stack
  point_t *a = point_new(i, 2 * i);
  // CHECK-DAG: wrapper-stack.c:[[@LINE+1]]:{{.*}}moved to the stack
  point_t *z = point_zero();
  // CHECK-DAG: wrapper-stack.c:[[@LINE+1]]:{{.*}}moved to the stack
  point_t *n = point_named("name", i);
  long r = a->x + a->y + z->x + z->y + z->tag[7] + n->x + n->y + n->tag[0];
  z->x = r;
  free(a);
  free(z);
  free(n);
  return r;
}

int main(void) {
  long s = 0;
  for (int i = 0; i < 100000; i++)
    s += run(i);
  printf("%ld\n", s);
  return 0;
}
