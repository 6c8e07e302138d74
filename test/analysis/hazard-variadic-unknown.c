// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A variadic callee outside the libc table captures its variadic arguments.
#include "alloc.h"

void log_all(const char *fmt, ...);
void report(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'log_all'}}
  log_all("%s", p);
  free(p);
}
