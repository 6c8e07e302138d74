// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain 70368744177664 > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc 70368744177664 > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// LLVM describes malloc as touching only the allocator's own state, so in
// plain code a value stored before the call is known after it: here errno,
// set to 0 before a malloc that fails, prints as 0 (glibc did set ENOMEM).
// The frame arena's allocator, which a dynamic size moves the malloc to,
// must be described the same way, or the escape build prints 12.  The same
// for realloc; and realloc(malloc(0), 0), NULL in glibc, prints non-null in
// plain code, whose optimizer deletes the two calls and their free.
// CHECK: failed with errno 0
// CHECK: realloc failed with errno 0
// CHECK: realloc to 0: non-null
#include "alloc.h"
long strtol(const char *s, char **end, int base);
extern int *__errno_location(void) __attribute__((const));
#define errno (*__errno_location())

__attribute__((noinline)) static int try_alloc(size_t n) {
  errno = 0;
  unsigned char *p = malloc(n);
  if (!p) {
    printf("failed with errno %d\n", errno);
    return -1;
  }
  p[0] = 1;
  p[n - 1] = 2;
  int r = p[0] + p[n - 1];
  free(p);
  return r;
}

__attribute__((noinline)) static int try_realloc(size_t n) {
  char *p = malloc(32);
  p[0] = 'k';
  errno = 0;
  char *q = realloc(p, n);
  if (!q) {
    printf("realloc failed with errno %d\n", errno);
    int r = p[0];
    free(p);
    return r;
  }
  int r = q[0];
  free(q);
  return r;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)strtol(argv[1], 0, 10) : 16;
  printf("%d\n", try_alloc(n));
  printf("%d\n", try_realloc(n));
  char *z = malloc(0);
  char *r = realloc(z, 0);
  printf("realloc to 0: %s\n", r ? "non-null" : "null");
  free(r);
  return 0;
}
