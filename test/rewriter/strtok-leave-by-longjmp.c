// REQUIRES: escape-cc
// RUN: %clang -O2 -pthread %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -pthread -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -pthread %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out 2>&1
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A string tokenized with strtok and freed after the loop, but a call in
// between leaves by longjmp, or ends the thread with pthread_exit: the
// free never runs, the plain program leaks the string, and strtok's saved
// pointer still points into it, so the next strtok(NULL, ...) goes on with
// it.  The strings stay on the heap; a third, whose calls all return,
// moves.
// CHECK: alpha
// CHECK-NEXT: beta
// CHECK-NEXT: one
// CHECK-NEXT: two
// CHECK-NEXT: 3
// REMARK-DAG: strtok-leave-by-longjmp.c:40:13: remark: 's' escapes to heap: retained by 'strtok'
// REMARK-DAG: strtok-leave-by-longjmp.c:55:13: remark: 's' escapes to heap: retained by 'strtok'
// REMARK-DAG: strtok-leave-by-longjmp.c:73:13: remark: allocation does not escape; moved to
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf jb;

__attribute__((noinline)) static void fail(int bad) {
  if (bad)
    longjmp(jb, 1);
}

__attribute__((noinline)) static void jumped(int bad) {
  char *s = malloc(32);
  strcpy(s, "alpha beta gamma");
  printf("%s\n", strtok(s, " "));
  fail(bad); // leaves by longjmp: s is never freed, strtok keeps it
  free(s);
}

__attribute__((noinline)) static void clobber(void) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++) junk[i] = 'Z';
}

__attribute__((noinline)) static void stop(void) { pthread_exit(NULL); }

__attribute__((noinline)) static void *ended(void *arg) {
  char *s = malloc(32);
  strcpy(s, "one two three");
  printf("%s\n", strtok(s, " "));
  stop(); // the thread ends here
  free(s);
  return arg;
}

static void *scribble(void *arg) {
  volatile char junk[16384];
  for (int i = 0; i < 16384; i++) junk[i] = 'Z';
  return arg;
}

static int tally;
static void add(const char *t) { tally += t[0] == 'x'; }

__attribute__((noinline)) static int counted(void) {
  char *s = malloc(32);
  strcpy(s, "x y x x");
  for (char *t = strtok(s, " "); t; t = strtok(NULL, " "))
    add(t);
  free(s);
  return tally;
}

int main(int argc, char **argv) {
  (void)argv;
  if (!setjmp(jb))
    jumped(argc == 1);
  clobber();
  char *t = strtok(NULL, " ");
  printf("%s\n", t ? t : "(null)");
  pthread_t th;
  pthread_create(&th, NULL, ended, NULL);
  pthread_join(th, NULL);
  pthread_create(&th, NULL, scribble, NULL); // glibc reuses the thread's stack
  pthread_join(th, NULL);
  t = strtok(NULL, " ");
  printf("%s\n", t ? t : "(null)");
  printf("%d\n", counted());
  return 0;
}
