// RUN: rm -f %t.yaml
// The report goes to the file named by report=PATH, and the remarks still follow -m.
#include "alloc.h"

// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-report=%t.yaml -I %inputs %s
// RUN: FileCheck %s < %t.yaml
char *last;
void publish(void) {
  last = malloc(8); // expected-remark {{'last' escapes to heap: assigned to global 'last'}}
}
// CHECK: Name: Escapes
// CHECK: Function: publish
