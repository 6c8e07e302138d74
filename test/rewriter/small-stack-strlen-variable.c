// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// A file without <string.h> may name a variable of its own strlen or
// strnlen.  A string copy's stack slot is chosen by the C library's strlen
// (strnlen), which the test calls by name: here that name was the
// variable, and the program jumped into its data.  Such a module keeps the
// arena for its copies.
#include <stdio.h>
#include <stdlib.h>
char *strdup(const char *);
char *strndup(const char *, size_t);

static int strlen[4] = {1, 2, 3, 4};
static int strnlen[4] = {5, 6, 7, 8};

static int f(const char *s, size_t k) {
  char *a = strdup(s); // REMARK: [[#@LINE]]:13: remark: allocation does not escape; moved to the frame arena
  char *b = strndup(s, k); // REMARK: [[#@LINE]]:13: remark: allocation does not escape; moved to the frame arena
  int r = a[0] + b[0] + strlen[k % 4] + strnlen[k % 4];
  free(b);
  free(a);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", f("hello", 2 + (size_t)argc));
  return 0;
}
