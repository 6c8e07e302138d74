// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=%t.yaml %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s --check-prefix=REPORT < %t.yaml
// RUN: %escape -O1 -fsanitize=address -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt-core.a -lpthread -o %t.asan
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: FileCheck %s < %t.esc.out
// Blocks an array of pointers points to, read by a helper that copies
// their bytes out, move to the frame arena; a block whose address is among
// the bytes copied stays on the heap, and is used after its caller
// returned.
#include "alloc.h"

static char *join2(char **parts, int n) {
  unsigned long t = 1;
  for (int i = 0; i < n; i++)
    t += strlen(parts[i]);
  char *r = malloc(t), *w = r;
  for (int i = 0; i < n; i++) {
    unsigned long l = strlen(parts[i]);
    memcpy(w, parts[i], l);
    w += l;
  }
  *w = 0;
  return r;
}

__attribute__((noinline)) char *join_names(const char *a, const char *b) {
  char *parts[2] = {strdup(a), strdup(b)};
  char *j = join2(parts, 2);
  free(parts[0]);
  free(parts[1]);
  return j;
}

static char *first8(char **parts) {
  char *r = malloc(sizeof(char *));
  for (unsigned i = 0; i < sizeof(char *); i++)
    r[i] = parts[0][i];
  return r;
}

// The first block holds the address of a second one, which the caller
// reads after this frame is gone.
__attribute__((noinline)) char **holder(int k) {
  char *inner = malloc(16);
  for (int i = 0; i < 15; i++)
    inner[i] = (char)('a' + (i + k) % 26);
  inner[15] = 0;
  char **outer = malloc(sizeof(char *));
  *outer = inner;
  char *p[1] = {(char *)outer};
  char **r = (char **)first8(p);
  free(outer);
  return r;
}

static void nest(char **a) { *(char **)a[0] = a[1]; }

__attribute__((noinline)) char **nested(int k) {
  char *a[2] = {malloc(sizeof(char *)), malloc(16)};
  for (int i = 0; i < 15; i++)
    a[1][i] = (char)('A' + (i + k) % 26);
  a[1][15] = 0;
  nest(a);
  char **r = (char **)first8(a);
  free(a[0]);
  return r;
}

// Scribbles over the frame arena and the stack the calls above used.
__attribute__((noinline)) int scribble(int k) {
  char *s = malloc(64), buf[256];
  memset(s, 'x', 64);
  memset(buf, 'y', sizeof buf);
  int r = s[k % 64] + buf[k % 256];
  free(s);
  return r;
}

int main(void) {
  int sum = 0;
  for (int k = 0; k < 3; k++) {
    char *j = join_names("left-", "right");
    char **h = holder(k);
    char **n = nested(k);
    sum += scribble(k);
    printf("%s %s %s\n", j, *h, *n);
    free(*h);
    free(h);
    free(*n);
    free(n);
    free(j);
  }
  printf("sum %d\n", sum);
  return 0;
}
// CHECK: left-right abcdefghijklmno ABCDEFGHIJKLMNO
// CHECK: left-right bcdefghijklmnop BCDEFGHIJKLMNOP
// CHECK: left-right cdefghijklmnopq CDEFGHIJKLMNOPQ
// REPORT: Name: HeapToArena
// REPORT: Function: join_names
// REPORT: Name: HeapToArena
// REPORT: Function: join_names
