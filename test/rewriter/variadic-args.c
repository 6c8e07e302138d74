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
// Blocks passed to variadic helpers of the file that only read them or
// write through them move to the stack and the frame arena; a helper that
// keeps one leaves it on the heap.  Both builds print the same.
#include "alloc.h"
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
void *memcpy(void *d, const void *s, size_t n);

static char *g_kept;

static size_t total_len(const char *first, ...) {
  va_list ap;
  size_t n = 0;
  va_start(ap, first);
  for (const char *s = first; s; s = va_arg(ap, const char *))
    n += strlen(s);
  va_end(ap);
  return n;
}

static void fill_all(int count, int value, ...) {
  va_list ap;
  va_start(ap, value);
  for (int i = 0; i < count; i++) {
    int *p = va_arg(ap, int *);
    for (int k = 0; k < 4; k++)
      p[k] = value + i * 4 + k;
  }
  va_end(ap);
}

static void keep_first(int n, ...) {
  va_list ap;
  va_start(ap, n);
  g_kept = va_arg(ap, char *);
  va_end(ap);
}

long run(int i) {
  // CHECK-DAG: variadic-args.c:[[@LINE+1]]:{{.*}}moved to the stack
  char *a = malloc(16);
  // CHECK-DAG: variadic-args.c:[[@LINE+1]]:{{.*}}moved to the frame arena
  char *b = malloc((size_t)(8 + i % 8));
  // CHECK-DAG: variadic-args.c:[[@LINE+1]]:{{.*}}moved to the stack
  int *x = malloc(4 * sizeof(int));
  // CHECK-DAG: variadic-args.c:[[@LINE+1]]:{{.*}}'y' escapes to heap: passed to 'keep_first'
  char *y = malloc(8);
  memcpy(a, "abc", 4);
  memcpy(b, "de", 3);
  memcpy(y, "kept", 5);
  fill_all(1, i, x);
  keep_first(1, y);
  long r = (long)total_len(a, b, "fgh", (char *)0) + x[3];
  free(a);
  free(b);
  free(x);
  free(g_kept);
  return r;
}

int main(void) {
  long s = 0;
  for (int i = 0; i < 10000; i++)
    s += run(i);
  printf("%ld\n", s);
  return 0;
}
