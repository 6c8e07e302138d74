// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// qsort with a comparator the analysis cannot see makes the array escape.
#include "alloc.h"

int (*order)(const void *, const void *);
void sort(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: retained by 'qsort'}}
  qsort(p, 8, 1, order);
}
