// RUN: rm -rf %t.yaml %t.dir
// opt-viewer's per-file page shows the remarks beside the source line.
#include "alloc.h"

// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=%t.yaml -I %inputs %s
// RUN: %python %opt_viewer %t.yaml -o %t.dir
// RUN: cat %t.dir/*report-opt-viewer-source.c.html | FileCheck %s
char *last;
void publish(void) { last = malloc(8); }
// CHECK: assigned to global
