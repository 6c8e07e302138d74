// REQUIRES: plugin, runtime
// RUN: %clang -O2 -w -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -w -nostdinc -I%S/Inputs -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: FileCheck %s < %t.remarks
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A wrapper call the IR does not show as a plain call of the wrapper's
// type (called through a declaration without a prototype, so the call
// passes an int where the definition takes a size_t) is not inlined: the
// site stays on the heap, with the reason.  A K&R definition is no wrapper.
#include "alloc.h"
char *make();
char *old_style();

int use(void) {
  // CHECK: wrapper-declines.c:[[@LINE+1]]:{{.*}}stays on the heap: no call to 'make' at this location in the IR
  char *p = make(16);
  char *q = old_style(16);
  p[0] = 'a';
  p[1] = 0;
  q[0] = 0;
  int r = (int)strlen(p) + (int)strlen(q);
  free(p);
  free(q);
  return r;
}

char *make(size_t n) { return malloc(n); }
char *old_style(n) int n; { return malloc(n); }

int main(void) {
  printf("%d\n", use());
  return 0;
}
