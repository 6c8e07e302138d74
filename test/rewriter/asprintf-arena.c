// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape_cc -O1 -fsanitize=address %s -o %t.asan
// RUN: %t.asan > %t.asan.out 2>&1
// RUN: diff %t.plain.out %t.asan.out
// RUN: %escape_cc -O2 -S -emit-llvm %s -o - | FileCheck --check-prefix=IR %s
// RUN: FileCheck %s < %t.esc.out
// asprintf and vasprintf blocks that do not escape come from the frame
// arena (esc_frame_asprintf, esc_frame_vasprintf): short and long texts,
// floating-point arguments through the variadic call, a logging helper
// that formats into a block, blocks freed in a loop, one reallocated
// after, and the answer for a format that cannot be printed.
// CHECK: item 0 of 3: 0.000
// CHECK: item 2 of 3: 3.000
// CHECK-NEXT: 604 0000007|end
// CHECK-NEXT: log: x 42 2.5
// CHECK-NEXT: grown: ab-cd
// CHECK-NEXT: sum 1944500
// REMARK-NOT: escapes
// REMARK: asprintf-arena.c:51:11: remark: allocation does not escape; moved to the frame arena
// REMARK: asprintf-arena.c:63:9: remark: allocation does not escape; moved to the frame arena
// REMARK: asprintf-arena.c:69:7: remark: allocation does not escape; moved to the frame arena
// REMARK: asprintf-arena.c:75:7: remark: allocation does not escape; moved to the frame arena
// REMARK: asprintf-arena.c:77:7: remark: allocation does not escape; moved to the frame arena
// REMARK: asprintf-arena.c:84:9: remark: allocation does not escape; moved to the frame arena
// REMARK-NOT: escapes
// IR: call i32 (ptr, ptr, ...) @esc_frame_asprintf(
// IR: call i32 @esc_frame_vasprintf(
// IR-NOT: call {{.*}}@asprintf(
// IR-NOT: call {{.*}}@vasprintf(
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void logmsg(const char *fmt, ...) {
  va_list ap;
  char *s;
  va_start(ap, fmt);
  int n = vasprintf(&s, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  printf("log: %s", s);
  free(s);
}

int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 3; i++) {
    char *msg;
    if (asprintf(&msg, "item %d of %d: %.3f\n", i, argc + 2, i * 1.5) < 0)
      return 1;
    fputs(msg, stdout);
    free(msg);
  }
  char *big;
  if (asprintf(&big, "%0600d|%s", 7, "end") < 0)
    return 1;
  printf("%zu %s\n", strlen(big), big + 593);
  free(big);
  logmsg("%s %d %g\n", "x", 42, 2.5);
  char *g;
  if (asprintf(&g, "%s-", "ab") < 0)
    return 1;
  g = realloc(g, 8);
  strcat(g, "cd");
  printf("grown: %s\n", g);
  free(g);
  long sum = 0;
  for (int i = 0; i < 100000; i++) {
    char *t;
    if (asprintf(&t, "%d", i % 1000) < 0)
      return 1;
    sum += (long)strlen(t) * 5 + t[0] - '0';
    free(t);
  }
  printf("sum %ld\n", sum);
  return 0;
}
