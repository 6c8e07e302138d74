// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// POSIX calls from the libc table only use the buffers they are given.
#include "alloc.h"
#include "libc-extra.h"

int wait_a_bit(const char *name) {
  struct timespec *t = calloc(2, sizeof *t); // expected-remark {{allocation does not escape; would move to the stack}}
  int *fds = malloc(2 * sizeof(int)); // expected-remark {{allocation does not escape; would move to the stack}}
  char *pat = strdup("*.c"); // expected-remark {{allocation does not escape; stays on the heap: size is dynamic}}
  int r = nanosleep(&t[0], &t[1]) + pipe(fds) + fnmatch(pat, name, 0);
  free(pat);
  free(fds);
  free(t);
  return r;
}
