// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -D_FORTIFY_SOURCE=2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -D_FORTIFY_SOURCE=2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
//
// Blocks printed, formatted into and read into under _FORTIFY_SOURCE=2
// (glibc's __printf_chk, __sprintf_chk, __snprintf_chk, __fgets_chk and
// __fread_chk) move, and the program prints what plain clang's build
// prints.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report(FILE *in, int round) {
  char *name = malloc(32); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the stack
  snprintf(name, 32, "round-%d", round);
  char *line = malloc(64); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the stack
  if (!fgets(line, 64, in))
    strcpy(line, "(none)\n");
  char *msg = malloc(128); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the stack
  sprintf(msg, "%s: %s", name, line);
  printf("%s", msg);
  fprintf(stdout, "%s has %zu bytes\n", name, strlen(msg));
  free(msg);
  free(line);
  free(name);
}

int main(void) {
  static char text[] = "alpha\nbeta\ngamma\n";
  FILE *in = fmemopen(text, sizeof text - 1, "r");
  if (!in)
    return 1;
  for (int r = 0; r < 4; r++)
    report(in, r);
  rewind(in);
  char *all = malloc(64); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the stack
  size_t n = fread(all, 1, 63, in);
  all[n] = '\0';
  printf("read %zu: %s", n, all);
  free(all);
  fclose(in);
  return 0;
}
// CHECK: round-0: alpha
// CHECK: round-0 has 15 bytes
// CHECK: round-3: (none)
// CHECK: read 17: alpha
