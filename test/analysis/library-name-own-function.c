// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// The libc table, and the allocators and free() by name, describe the C
// library's functions: those clang takes for its builtins (the C standard
// reserves their names) and those a system header declares.  A function
// the program declares itself under a name the C standard does not reserve
// (basename, access, read, reallocarray, cfree) may be its own, defined in
// another file, and keep what it is given; so may one whose declaration
// names other code with an asm label, or an alias.
#include "alloc.h"

char *basename(char *);                  // the program's own
int access(const char *, int);           // the program's own
void *reallocarray(void *, size_t, size_t); // the program's own
void cfree(void *);                      // the program's own
size_t my_len(const char *) __asm__("strlen");
size_t strlen2(const char *) __asm__("my_strlen");
static char *dirname_impl(char *p) { return p; } // expected-remark {{leaking param: 'p' to result}}
char *dirname(char *) __attribute__((alias("dirname_impl")));

const char *own_basename(void) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: passed to 'basename', whose code is not in this file}}
  strcpy(p, "dir/file");
  return basename(p) ? "x" : "y";
}

int own_access(void) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: passed to 'access', whose code is not in this file}}
  strcpy(p, "user:ann");
  int r = access(p, 0);
  free(p);
  return r;
}

int own_reallocarray(void) {
  int *v = malloc(4 * sizeof *v); // expected-remark {{'v' escapes to heap: passed to 'reallocarray', whose code is not in this file}}
  int *w = reallocarray(v, 8, sizeof *w);
  return w != 0;
}

void own_cfree(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'cfree', whose code is not in this file}}
  cfree(p);
}

size_t labelled_library(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'my_len', whose code is not in this file}}
  strcpy(p, "abc");
  size_t n = my_len(p); // strlen by its asm label, unknown code by its name
  free(p);
  return n;
}

size_t labelled_own(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'strlen2', whose code is not in this file}}
  strcpy(p, "abc");
  size_t n = strlen2(p);
  free(p);
  return n;
}

int aliased(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'dirname', whose code is not in this file}}
  strcpy(p, "a/b");
  return dirname(p) != 0;
}

// Declared by a system header (alloc.h stands for one): the library's.
int library_strlen(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "abc");
  int n = (int)strlen(p);
  free(p);
  return n;
}
