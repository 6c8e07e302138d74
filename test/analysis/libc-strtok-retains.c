// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strtok keeps its string in hidden state.  The string outlives the call
// but not the function when the function frees it on every path after the
// call: later strtok(NULL, ...) calls would read freed memory in the plain
// program too.  Otherwise it escapes.
#include "alloc.h"

void exit(int);
char *kept;

int freed_after(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "a,b");
  int n = 0;
  for (char *t = strtok(p, ","); t; t = strtok(NULL, ","))
    n++;
  free(p);
  return n;
}

int copy_freed(const char *line) {
  char *copy = strdup(line); // expected-remark {{allocation does not escape}}
  int n = 0;
  char *t = strtok(copy, " ");
  while (t) {
    n += t[0];
    t = strtok(NULL, " ");
  }
  free(copy);
  return n;
}

int early_return(const char *line) { // expected-remark {{leaking param content: 'line'}}
  char *copy = strdup(line); // expected-remark {{'copy' escapes to heap: retained by 'strtok'}}
  if (!strtok(copy, " "))
    return 0; // leaks: a caller's strtok(NULL, ...) may go on with it
  free(copy);
  return 1;
}

int reassigned(const char *line) { // expected-remark {{leaking param content: 'line'}}
  char *copy = strdup(line); // expected-remark {{'copy' escapes to heap: retained by 'strtok'}}
  char *t = strtok(copy, " ");
  copy = strdup("x"); // expected-remark {{'copy' escapes to heap: retained by 'strtok'}}
  free(copy);
  return t != 0;
}

int address_taken(const char *line, char ***out) { // expected-remark {{leaking param content: 'line'}}
  char *copy = strdup(line); // expected-remark {{'copy' escapes to heap: retained by 'strtok'}}
  char **where = &copy;
  strtok(*where, " ");
  free(copy);
  return where != 0;
}

int exits(const char *line, int bad) { // expected-remark {{leaking param content: 'line'}}
  char *copy = strdup(line); // expected-remark {{'copy' escapes to heap: retained by 'strtok'}}
  strtok(copy, " ");
  if (bad)
    exit(1); // the string is still live in exit handlers
  free(copy);
  return 0;
}

int token_kept(const char *line) { // expected-remark {{leaking param content: 'line'}}
  char *copy = strdup(line); // expected-remark {{'copy' escapes to heap}}
  strtok(copy, " ");
  kept = strtok(NULL, " ");
  free(copy);
  return 0;
}

int with_setjmp(const char *line, jmp_buf env) { // expected-remark {{leaking param content: 'line'}}
  char *copy = strdup(line); // expected-remark {{'copy' escapes to heap: retained by 'strtok'}}
  if (setjmp(env))
    return 0;
  strtok(copy, " ");
  free(copy);
  return 1;
}

// A call on the path that may leave by longjmp or pthread_exit skips the
// free: the plain program leaks the block with strtok still pointing into
// it, and a later strtok(NULL, ...) reads it.  Every call between the
// strtok and the free must be one known to return: a library function of
// the table that calls back nothing, or a function of this file whose
// calls all are (exit ends the process with every frame in place).
void unknown_step(const char *);
static jmp_buf jb;
static int counted;

static void may_jump(const char *t) {
  if (!t[0])
    longjmp(jb, 1);
}

static void count(const char *t) {
  counted += t[0];
  if (counted < 0)
    exit(1);
}

static void count_twice(const char *t) {
  count(t);
  count(t + 1);
}

int jumps_out(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: retained by 'strtok'}}
  strcpy(p, "a,b");
  int n = 0;
  for (char *t = strtok(p, ","); t; t = strtok(NULL, ","))
    may_jump(t), n++;
  free(p);
  return n;
}

int calls_unknown(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: retained by 'strtok'}}
  strcpy(p, "a,b");
  for (char *t = strtok(p, ","); t; t = strtok(NULL, ","))
    unknown_step(t);
  free(p);
  return 0;
}

int calls_own(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "a,b");
  for (char *t = strtok(p, ","); t; t = strtok(NULL, ","))
    count_twice(t);
  free(p);
  return counted;
}
