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
// The Args read as a sentence: opt-viewer joins their values, which ran
// together without the String pieces ("malloc8stackdoes not escape...").
// PAGE-DAG: malloc of size 8, storage stack: does not escape; name: p; site 0x
// PAGE-DAG: malloc of size 8, storage heap: assigned to global 'last'; name: last; site 0x{{[0-9a-f]+}}; flow: 
