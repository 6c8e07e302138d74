// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// A block's address copied by strndup (its bytes up to the first zero, the
// high bytes of a user-space address) and read back from the copy: the
// block outlives the function, so it stays on the heap.  Moved to the
// stack, main printed what later calls wrote over it.  The address copied
// points 9 bytes in, so its low byte is not zero; one of its other low
// bytes may be (rarely), and then main prints the line without reading.
// CHECK: kept hello
// REMARK: strdup-pointer-bytes-differential.c:[[@LINE+9]]:{{.*}}'p' escapes to heap: copied by 'memcpy'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *back;
static int whole;

__attribute__((noinline)) static void keep(void) {
  char *p = malloc(16);
  strcpy(p + 9, "hello");
  char *m = p + 9;
  char *q = strndup((char *)&m, sizeof m);
  whole = strlen(q) >= 6;
  memcpy(&back, q, 7);
  free(q);
}

__attribute__((noinline)) static int scribble(int n) {
  volatile char buf[256];
  for (int i = 0; i < 256; i++) buf[i] = (char)('a' + (i + n) % 26);
  return buf[n % 256];
}

int main(void) {
  keep();
  int s = scribble(3);
  printf("kept %s\n", whole ? back : "hello");
  return s == 0;
}
