// RUN: %escape -fsyntax-only -fopenmp -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=serial -fplugin-arg-escape-m=1 -I %inputs %s
// An OpenMP region runs in a function of its own (clang outlines it), and
// a task may run after the function that made it returned: a block handed
// to a deferred task and freed there was moved to the stack.  Under
// -fopenmp a function with OpenMP directives keeps its blocks on the heap,
// and its summary is the worst one: a caller's block passed to it stays on
// the heap too.  Without -fopenmp the pragmas are ignored and the code is
// serial.
#include "alloc.h"

static int used;
static void use(const char *s) { used += s[0]; }

void spawn(int i) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function has OpenMP directives, whose regions run as functions of their own}} serial-remark {{allocation does not escape; would move to the stack}}
  snprintf(p, 16, "task %d", i);
#pragma omp task firstprivate(p)
  {
    use(p);
    free(p);
  }
}

void fill(char *buf, int n) { // expected-remark {{leaking param: 'buf'}} expected-remark {{leaking param content: 'buf'}}
#pragma omp parallel for
  for (int k = 0; k < n; k++)
    buf[k] = (char)k;
}

int caller(void) {
  char *b = malloc(64); // expected-remark {{'b' escapes to heap: passed to 'fill', whose parameter 'buf' leaks}} serial-remark {{allocation does not escape; would move to the stack}}
  fill(b, 64);
  int s = b[63];
  free(b);
  return s;
}

int serial(void) {
  char *t = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}} serial-remark {{allocation does not escape; would move to the stack}}
  t[0] = 1;
  int r = t[0];
  free(t);
  return r;
}

// `omp simd` runs its loop in place, but the region is captured like the
// others (its body is not lowered), and a call in it may run a `declare
// variant` function: the blocks stay on the heap too.
int vectorized(int n) {
  int *t = malloc(64 * sizeof(int)); // expected-remark {{allocation does not escape; stays on the heap: function has OpenMP directives, whose regions run as functions of their own}} serial-remark {{allocation does not escape; would move to the stack}}
  int s = 0;
#pragma omp simd reduction(+ : s)
  for (int k = 0; k < 64; k++) {
    t[k] = k * n;
    s += t[k];
  }
  free(t);
  return s;
}
