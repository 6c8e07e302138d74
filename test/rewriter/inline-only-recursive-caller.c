// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain 1000 > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-trace=1 %s -o %t.esc 2> %t.trace
// RUN: FileCheck --check-prefix=TRACE %s < %t.trace
// RUN: %t.esc 1000 > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: %t.esc0 1000 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape_cc -O2 -DC99 %s -o %t.c99
// RUN: %t.c99 1000 > %t.c99.out
// RUN: diff %t.plain.out %t.c99.out
// An inline definition whose out-of-line body another file would provide
// (`extern inline` with gnu_inline, or C99 `inline`), always inlined, and
// called from a recursive function.  No file here emits its body, so every
// call must take it in.  Its blocks had stack storage, which a recursive
// caller may not inline (a slot per level), so the call stayed a call to
// 'helper' and the program did not link.  Now such a definition keeps no
// stack storage: its blocks go to the frame arena, which suits recursion.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef C99
inline __attribute__((always_inline)) int helper(const char *s, int d)
#else
extern inline __attribute__((always_inline, gnu_inline)) int helper(const char *s, int d)
#endif
{
  char *fixed = malloc(16);
  size_t n = strlen(s) + (size_t)(d & 7) + 1;
  char *p = malloc(n);
  memset(p, 'x', n - 1);
  p[n - 1] = 0;
  snprintf(fixed, 16, "%d", d & 3);
  int r = (int)strlen(p) + fixed[0] - '0';
  free(p);
  free(fixed);
  return r;
}
// TRACE: escape: helper: 'malloc' at {{.*}}inline-only-recursive-caller.c:[[#@LINE-11]]:17 -> arena
// TRACE: escape: helper: 'malloc' at {{.*}}inline-only-recursive-caller.c:[[#@LINE-10]]:13 -> arena{{$}}

static long walk(const char *s, int d) {
  if (d == 0)
    return 0;
  return helper(s, d) + walk(s, d - 1);
}

int main(int argc, char **argv) {
  printf("%ld\n", walk("abc", argc > 1 ? atoi(argv[1]) : 10));
  return 0;
}
