// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -D_FORTIFY_SOURCE=0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Blocks printed through the program's own logging wrappers (vfprintf,
// vsnprintf with the caller's format), a format chosen between literals,
// a comparator chosen at the qsort call, and getcwd's buffer: each moves,
// and the program prints what plain clang's build prints.
// CHECK: log: user=ann
// CHECK-NEXT: [2] copy=ann
// CHECK-NEXT: <ann>
// CHECK-NEXT: 9 7 3 1
// CHECK-NEXT: cwd: yes
// REMARK-NOT: escapes
// REMARK: printf-wrapper-differential.c:55:16: remark: allocation does not escape; moved to the frame arena
// REMARK: printf-wrapper-differential.c:56:16: remark: allocation does not escape; moved to the stack
// REMARK: printf-wrapper-differential.c:60:12: remark: allocation does not escape; moved to the stack
// REMARK: printf-wrapper-differential.c:65:15: remark: allocation does not escape; moved to the stack
// REMARK-NOT: escapes
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void logmsg(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("log: ", stdout);
  vfprintf(stdout, fmt, ap);
  va_end(ap);
}

static void tagged(int level, const char *fmt, ...) {
  char line[64];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  printf("[%d] %s\n", level, line);
}

static int up(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int down(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }

int main(int argc, char **argv) {
  (void)argv;
  char *user = strdup("ann");
  char *copy = malloc(16);
  strcpy(copy, user);
  logmsg("user=%s\n", user);
  tagged(2, "copy=%s", copy);
  int *v = malloc(4 * sizeof *v);
  v[0] = 3, v[1] = 9, v[2] = 1, v[3] = 7;
  printf(argc > 5 ? "%s\n" : "<%s>\n", copy);
  qsort(v, 4, sizeof *v, argc > 5 ? up : down);
  printf("%d %d %d %d\n", v[0], v[1], v[2], v[3]);
  char *dir = malloc(4096 > 1024 ? 512 : 64);
  printf("cwd: %s\n", getcwd(dir, 512) ? "yes" : "no");
  free(dir);
  free(v);
  free(copy);
  free(user);
  return 0;
}
