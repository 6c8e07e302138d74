// RUN: %escape -fsyntax-only -fplugin-arg-escape-m=2 -I %inputs %s 2>&1 | FileCheck %s
// -m=2 explains a field's escape by its container's journey.
#include "alloc.h"

struct node { char *name; };
struct node *head;
void push(void) {
  struct node *n = malloc(sizeof *n);
  n->name = malloc(8);
  head = n;
}
// CHECK: :[[@LINE-3]]:13: remark: 'n->name' escapes to heap
// CHECK: :[[@LINE-4]]:11: note: flow: stored into 'n->name'
// CHECK: :[[@LINE-4]]:8: note: flow: assigned to global 'head'
