// REQUIRES: escape-cc
// RUN: %clang -O2 %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 %s -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O2 %s -S -emit-llvm -o - | FileCheck %s
// Helpers whose 512-byte buffers move to the stack, called by a recursive
// walk through pointers: a visitor the walk is given, and an entry of a
// constant table of operations.  Once constants are propagated, those
// calls are direct calls in the walk, and the inliner took the helpers in:
// a buffer in every level's frame, and a walk 30,000 deep on a 4 MiB
// thread overflowed its stack where plain code runs.  Helpers with stack
// storage whose address is taken are not inlined.
// CHECK: define internal {{.*}}void @visit_ptr({{.*}}) {{.*}}[[NOINLINE:#[0-9]+]]
// CHECK: define internal {{.*}}void @visit_ops({{.*}}) {{.*}}[[NOINLINE]]
// CHECK: attributes [[NOINLINE]] = { {{.*}}noinline
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long acc;

static void visit_ptr(int v) {
  char *b = malloc(512);
  snprintf(b, 512, "%d", v);
  acc += (long)strlen(b);
  free(b);
}

static void visit_ops(int v) {
  char *b = malloc(512);
  snprintf(b, 512, "<%d>", v);
  acc += (long)strlen(b);
  free(b);
}

struct ops {
  void (*visit)(int);
};
static const struct ops OPS = {visit_ops};

static void walk(int n, void (*visit)(int)) {
  if (n == 0)
    return;
  visit(n);
  walk(n - 1, visit);
  acc++;
}

static void walk_ops(const struct ops *o, int n) {
  if (n == 0)
    return;
  o->visit(n);
  walk_ops(o, n - 1);
  acc++;
}

static void *run(void *arg) {
  (void)arg;
  walk(30000, visit_ptr);
  walk_ops(&OPS, 30000);
  return NULL;
}

int main(void) {
  pthread_attr_t a;
  pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, 4 << 20);
  if (pthread_create(&t, &a, run, NULL) != 0)
    return 1;
  pthread_join(t, NULL);
  printf("%ld\n", acc);
  return 0;
}
