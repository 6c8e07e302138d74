// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: FileCheck %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// strtok over a copy the function frees on every path: the copy leaves
// the heap.  A copy left to a caller's strtok(NULL, ...) stays on the
// heap, and the caller goes on tokenizing it.
#include "alloc.h"
char *strtok(char *s, const char *delim);
#define NULL ((void *)0)

// CHECK: strtok-freed-copy.c:[[@LINE+2]]:{{.*}}moved to the frame arena
int fields(const char *line) {
  char *copy = strdup(line);
  int n = 0;
  for (char *t = strtok(copy, ","); t; t = strtok(NULL, ","))
    n += (int)strlen(t);
  free(copy);
  return n;
}

// CHECK: strtok-freed-copy.c:[[@LINE+2]]:{{.*}}'copy' escapes to heap: retained by 'strtok'
const char *first(const char *line) {
  char *copy = strdup(line);
  return strtok(copy, " ");
}

int main(void) {
  const char *lines[] = {"a,bb,ccc", "one,two", ",,x,,", "", "no-commas"};
  for (int i = 0; i < 5; i++)
    printf("%d\n", fields(lines[i]));
  printf("%s", first("alpha beta gamma"));
  for (char *t = strtok(NULL, " "); t; t = strtok(NULL, " "))
    printf(" %s", t);
  printf("\n");
  return 0;
}
