// RUN: rm -rf %t.yaml %t.dir
// opt-viewer.py renders the report: it is in the shape of LLVM's optimization remarks.
#include "alloc.h"

// RUN: %escape -O2 -c -o /dev/null -fplugin-arg-escape-report=%t.yaml -I %inputs %s
// RUN: %python %opt_viewer %t.yaml -o %t.dir
// RUN: test -f %t.dir/index.html
// RUN: FileCheck %s --check-prefix=INDEX < %t.dir/index.html
// RUN: cat %t.dir/*report-opt-viewer.c.html | FileCheck %s --check-prefix=PAGE
char *last;
void publish(void) { last = malloc(8); }
int scratch(void) {
  char *p = malloc(8);
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
// INDEX-DAG: publish
// INDEX-DAG: scratch
// PAGE-DAG: HeapToStack
// PAGE-DAG: Escapes
