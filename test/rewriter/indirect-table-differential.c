// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Words handed to commands through a const table of the file's functions,
// and through a function variable its declaration alone sets: the words
// move, and the program prints what plain clang's build prints.  One
// table holds a command that keeps its word: that word stays on the heap,
// and the kept pointer still reads it after the function returned.
// CHECK: HELLO 0
// CHECK-NEXT: hello 1
// CHECK-NEXT: WORLD
// CHECK-NEXT: kept: seen
// REMARK: indirect-table-differential.c:54:13: remark: allocation does not escape; moved to the frame arena
// REMARK: indirect-table-differential.c:62:13: remark: allocation does not escape; moved to the frame arena
// REMARK: indirect-table-differential.c:69:13: remark: 'w' escapes to heap: passed to an indirect call
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept;

static int cmd_upper(char *s) {
  for (; *s; s++)
    *s = (char)toupper((unsigned char)*s);
  return 0;
}
static int cmd_lower(char *s) {
  for (; *s; s++)
    *s = (char)tolower((unsigned char)*s);
  return 1;
}
static int cmd_keep(char *s) {
  kept = s;
  return 2;
}

typedef int (*cmd_fn)(char *);
static const struct {
  const char *name;
  cmd_fn fn;
} commands[] = {{"upper", cmd_upper}, {"lower", cmd_lower}};
static const cmd_fn keeping[] = {cmd_keep, cmd_upper};

static void run(int i, const char *word) {
  char *w = strdup(word);
  int r = commands[i].fn(w);
  printf("%s %d\n", w, r);
  free(w);
}

static void chosen(int c, const char *word) {
  cmd_fn f = c ? cmd_upper : cmd_lower;
  char *w = strdup(word);
  f(w);
  puts(w);
  free(w);
}

static void keeps(int i, const char *word) {
  char *w = strdup(word);
  keeping[i](w);
}

int main(int argc, char **argv) {
  (void)argv;
  run(0, "Hello");
  run(argc, "HeLLo");
  chosen(argc, "world");
  keeps(0, "seen");
  printf("kept: %s\n", kept);
  free(kept);
  return 0;
}
