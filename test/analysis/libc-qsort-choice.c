// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A comparator chosen at the call (`by_age ? cmp_age : cmp_name`) is
// harmless when every choice is; one that publishes an element makes every
// argument escape, as a named one does (libc-qsort-capturing.c).
#include "alloc.h"

char *last;
struct person { int age; char name[12]; };
static int cmp_age(const void *a, const void *b) {
  return ((const struct person *)a)->age - ((const struct person *)b)->age;
}
static int cmp_name(const void *a, const void *b) {
  return strcmp(((const struct person *)a)->name, ((const struct person *)b)->name);
}
static int cmp_keep(const void *a, const void *b) { // expected-remark {{leaking param content: 'a'}}
  last = *(char *const *)a;
  return b != 0;
}
static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int sort_people(int by_age) {
  struct person *v = malloc(4 * sizeof *v); // expected-remark {{allocation does not escape; would move to the stack}}
  for (int i = 0; i < 4; i++) {
    v[i].age = 40 - i;
    strcpy(v[i].name, "x");
  }
  qsort(v, 4, sizeof *v, by_age ? cmp_age : cmp_name);
  int r = v[0].age;
  free(v);
  return r;
}

void sort_strings(int keep) {
  char *v[2];
  v[0] = malloc(8); // expected-remark {{'v[0]' escapes to heap: retained by 'qsort'}}
  v[1] = malloc(8); // expected-remark {{'v[1]' escapes to heap: retained by 'qsort'}}
  strcpy(v[0], "b");
  strcpy(v[1], "a");
  qsort(v, 2, sizeof v[0], keep ? cmp_keep : cmp_str);
}
