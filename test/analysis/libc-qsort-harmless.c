// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// qsort with a comparator that only reads does not capture.
#include "alloc.h"

static int cmp(const void *a, const void *b) {
  return *(const char *)a - *(const char *)b;
}
void sort(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "cba");
  qsort(p, 3, 1, cmp);
  free(p);
}
