// REQUIRES: escape-cc
// RUN: %clang -O0 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O0 -fplugin-arg-escape-trace=1 %s -o %t.esc0 2> %t.trace
// RUN: FileCheck --check-prefix=TRACE %s < %t.trace
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape_cc -O2 %s -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O2 -S -emit-llvm %s -o %t.ll
// RUN: opt -passes=verify -disable-output %t.ll
// A recursive function marked `flatten`: clang marks each of its calls
// always_inline, which InlineGuard cannot hold.  The guard's noinline
// beside it broke the module ("Attributes 'noinline and alwaysinline' are
// incompatible", a ThinLTO link failed), and at -O0 the call was inlined
// anyway, the helpers' stack storage in every level (a 216-byte frame
// where plain code's is 88, and a 64 KiB thread overflowed).  Functions
// such a call takes into a recursion keep no stack storage now.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long helper(const char *s, int d) {
  char *p = strdup(s);
  char *q = malloc(512);
  p[0] = (char)('a' + d % 26);
  memset(q, d, 512);
  unsigned long r = (unsigned char)p[0] + strlen(p) + (unsigned char)q[511];
  free(q);
  free(p);
  return r;
}
// TRACE: escape: helper: 'strdup' at {{.*}}flatten-recursive-caller.c:[[#@LINE-9]]:13 -> arena{{$}}
// TRACE: escape: helper: 'malloc' at {{.*}}flatten-recursive-caller.c:[[#@LINE-9]]:13 -> arena{{$}}
// TRACE-NOT: not inlined

__attribute__((flatten)) static unsigned long flat(int d, const char *s) {
  if (d == 0)
    return 0;
  volatile unsigned long r = flat(d - 1, s);
  return r + helper(s, d);
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%lu\n", flat(300 + argc, "hello"));
  return 0;
}
