// REQUIRES: escape-cc
// RUN: %clang -O2 %s %inputs/own-basename.c -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 -c %s -o %t.o 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: %escape_cc -O2 %t.o %inputs/own-basename.c -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// A program's own basename, declared here and defined in another file (the
// C standard does not reserve the name; libgen.h is not included), keeps
// the path it is given.  Taken for the C library's from the libc table,
// the path's block moved to the stack and last_base() read what later
// calls wrote there.
// CHECK: file.txt
// CHECK-NEXT: last=file.txt
// REMARK: library-name-own-function-differential.c:[[@LINE+10]]:{{.*}}'p' escapes to heap: passed to 'basename', whose code is not in this file
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../Inputs/scribble.h"

char *basename(char *path);
const char *last_base(void);

__attribute__((noinline)) static void show(void) {
  char *p = malloc(32);
  strcpy(p, "dir/file.txt");
  puts(basename(p));
}

int main(void) {
  show();
  int s = scribble(1);
  printf("last=%.12s\n", last_base());
  return s == 0;
}
