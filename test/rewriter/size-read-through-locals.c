// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: FileCheck --check-prefix=KEPT %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Sizes read through local variables and a wrapper's parameters are
// constants only where C computes that value:
// - calloc(k, n) with k read through a local and n known at run time took
//   n for a constant (0) and got a stack slot: the program crashed;
// - so did a wrapper's calloc(1, n);
// - malloc((size_t)(signed char)n) with n = 200 asks for SIZE_MAX - 55
//   and fails; the casts were stripped and it got 200 bytes of stack;
// - (unsigned short)(a + 1) with a = 65535 is 0, not 65536.
// Each takes its size at run time now.
// CHECK: calloc 1 1
// CHECK-NEXT: wrapper 2 2
// CHECK-NEXT: signed char NULL
// CHECK-NEXT: wrapped NULL
// CHECK-NEXT: short 3
// CHECK-NEXT: constant 7
// REMARK-DAG: size-read-through-locals.c:49:13: remark: allocation does not escape; moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: size-read-through-locals.c:56:13: remark: allocation does not escape; moved to the frame arena (the stack when at most 64 bytes)
// REMARK-DAG: size-read-through-locals.c:90:13: remark: allocation does not escape; moved to the stack
// KEPT-NOT: size-read-through-locals.c:{{49|56|64|73|84}}:{{.*}}moved to the stack
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xcalloc(size_t a, size_t b) { return calloc(a, b); }

static void *narrow(int n) { return malloc((size_t)(signed char)n); }

static void fill(char *p, size_t n, int c) {
  for (size_t i = 0; i < n; i++)
    p[i] = (char)c;
}

int main(int argc, char **argv) {
  (void)argv;
  size_t k = 4;
  size_t n = (size_t)argc * 100;
  char *p = calloc(k, n);
  if (!p)
    return 1;
  fill(p, k * n, 1);
  printf("calloc %d %d\n", p[0], p[k * n - 1]);
  free(p);

  char *q = xcalloc(1, n);
  if (!q)
    return 1;
  fill(q, n, 2);
  printf("wrapper %d %d\n", q[0] + argc - 1, q[n - 1]);
  free(q);

  int m = 200;
  char *r = malloc((size_t)(signed char)m);
  if (r) {
    strcpy(r, "signed char allocated");
    puts(r);
  } else {
    puts("signed char NULL");
  }
  free(r);

  char *s = narrow(200);
  if (s) {
    strcpy(s, "wrapped allocated");
    puts(s);
  } else {
    puts("wrapped NULL");
  }
  free(s);

  unsigned short a = 65535;
  unsigned short b = a + 1;
  char *t = malloc(b + 16);
  fill(t, 16, 3);
  printf("short %d\n", t[15]);
  free(t);

  size_t c = 24;
  char *u = malloc(c + 8);
  fill(u, 32, 7);
  printf("constant %d\n", u[31]);
  free(u);
  return 0;
}
