// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// qsort with a comparator that publishes an element makes every argument escape.
#include "alloc.h"

char *last;
static int cmp(const void *a, const void *b) { // expected-remark {{leaking param content: 'a'}}
  last = *(char *const *)a;
  return b != 0;
}
void sort(void) {
  char *v[2];
  v[0] = malloc(8); // expected-remark {{'v[0]' escapes to heap: retained by 'qsort'}}
  v[1] = malloc(8); // expected-remark {{'v[1]' escapes to heap: retained by 'qsort'}}
  qsort(v, 2, sizeof v[0], cmp);
}
