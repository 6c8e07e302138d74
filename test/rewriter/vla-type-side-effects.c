// REQUIRES: escape-cc
// RUN: %clang -O0 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-trace=1 %s -o %t.esc 2> %t.trace
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck --check-prefix=TRACE %s < %t.trace
// The size of a variable-length array in the type of a compound literal,
// of va_arg or of a cast runs where the type is named, and may assign.
// Stmt::children() leaves those expressions out:
// - `(char (*)[m = 200]){0}` and `va_arg(ap, char (*)[n = 300])` changed
//   the size a later malloc read through the local; the block got a
//   16-byte stack slot for 200 and 300 bytes (a crash at -O0);
// - so did a wrapper's parameter changed that way, a caller's local
//   passed to it, and a calloc factor;
// - a pointer stored to a global there (`(g = p, 1)`) was not seen, and
//   its block went to the stack.
// CHECK: literal 200 x
// CHECK-NEXT: va_arg 300 x
// CHECK-NEXT: wrapper x
// CHECK-NEXT: caller x y
// CHECK-NEXT: kept literal va_arg cast
// TRACE-NOT: -> stack (16 bytes)
// TRACE-NOT: -> stack (32 bytes)
// TRACE-NOT: 'malloc' at {{.*}}vla-type-side-effects.c:{{85|93|101}}:{{.*}} -> stack
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void literal(void) {
  size_t m = 16;
  char (*r)[1] = (char (*)[m = 200]){0};
  (void)r;
  char *s = malloc(m);
  memset(s, 'x', m);
  printf("literal %zu %c\n", m, s[m - 1]);
  free(s);
}

static void varg(int k, ...) {
  va_list ap;
  va_start(ap, k);
  size_t n = 16;
  char (*q)[1] = va_arg(ap, char (*)[n = 300]);
  (void)q;
  va_end(ap);
  char *s = malloc(n);
  memset(s, 'x', n);
  printf("va_arg %zu %c\n", n, s[n - 1]);
  free(s);
}

static void *xmalloc(size_t n) {
  (void)(char (*)[n = 300]){0};
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

static void wrapper(void) {
  char *p = xmalloc(16);
  memset(p, 'x', 300);
  printf("wrapper %c\n", p[299]);
  free(p);
  size_t k = 16;
  (void)(char (*)[k = 500]){0};
  char *r = xmalloc(k);
  char *s = calloc(k, 2);
  memset(r, 'x', 300);
  memset(s, 'y', 1000);
  printf("caller %c %c\n", r[299], s[999]);
  free(r);
  free(s);
}

char *g1, *g2, *g3;

static void keep_literal(void) {
  char *p = malloc(16);
  strcpy(p, "literal");
  (void)(char (*)[(g1 = p, 1)]){0};
}

static void keep_varg(int k, ...) {
  va_list ap;
  va_start(ap, k);
  char *p = malloc(16);
  strcpy(p, "va_arg");
  char (*q)[1] = va_arg(ap, char (*)[(g2 = p, 1)]);
  (void)q;
  va_end(ap);
}

static void keep_cast(void) {
  char *p = malloc(16);
  strcpy(p, "cast");
  (void)(char (*)[(g3 = p, 1)])0;
}

static void clobber(void) {
  volatile char buf[512];
  for (int i = 0; i < 512; i++)
    buf[i] = 'Z';
}

int main(void) {
  char one[1];
  literal();
  varg(0, &one);
  wrapper();
  keep_literal();
  keep_varg(0, &one);
  keep_cast();
  clobber();
  printf("kept %s %s %s\n", g1, g2, g3);
  return 0;
}
