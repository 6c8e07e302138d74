// REQUIRES: escape-cc
// RUN: rm -rf %t && mkdir -p %t
// RUN: %escape_cc --coverage -O2 -fplugin-arg-escape-m=1 %s -o %t/prog 2> %t/remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t/remarks
// RUN: ls %t/prog-coverage-notes.gcno
// RUN: env GCOV_PREFIX=%t/run %t/prog | FileCheck %s
// RUN: find %t/run -name 'prog-coverage-notes.gcda' | grep -q gcda
// RUN: %escape_cc --coverage -O0 -c %s -o %t/obj.o
// RUN: ls %t/obj.gcno
// --coverage still writes gcov's notes and data when the transformation
// runs without -g: the plugin turns on line locations to match its sites
// and drops them before the optimizer, and clang's gcov pass needs the
// functions' records those locations come with.  Dropped, the compile
// wrote no .gcno file and the program no .gcda.
// CHECK: one
// REMARK: coverage-notes.c:[[@LINE+7]]:13: remark: allocation does not escape; moved to the stack
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  (void)argv;
  char *p = malloc(16);
  strcpy(p, argc > 1 ? "many" : "one");
  puts(p);
  free(p);
  return 0;
}
