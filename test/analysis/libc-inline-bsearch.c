// RUN: %escape -O2 -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s
// At -O2 glibc's <stdlib.h> defines bsearch inline; the C library table
// still describes it (the result points into the array, the comparator is
// checked like any callback), where the inline body alone would make the
// array escape through the comparator's indirect call.
#include <stdlib.h>

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static const int *kept;
static int keeper(const void *a, const void *b) { kept = a; return *(const int *)a - *(const int *)b; } // expected-remark {{leaking param: 'a'}}

int find(int n, int key) {
  int *a = calloc((size_t)n, sizeof *a); // expected-remark {{allocation does not escape; would move to the frame arena}}
  for (int i = 0; i < n; i++)
    a[i] = i;
  int *hit = bsearch(&key, a, (size_t)n, sizeof *a, cmp);
  int r = hit ? *hit : -1;
  free(a);
  return r;
}

int find_kept(int n, int key) {
  int *a = calloc((size_t)n, sizeof *a); // expected-remark {{escapes to heap}}
  int *hit = bsearch(&key, a, (size_t)n, sizeof *a, keeper);
  int r = hit ? *hit : -1;
  free(a);
  return r;
}
