// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A function defined in the file overrides the libc table entry of the same name.
#include "alloc.h"

char *last;
char *strchr(const char *s, int c) { last = (char *)s; return (char *)s + c; } // expected-remark {{leaking param: 's'}} expected-remark {{leaking param: 's' to result}}
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'strchr', whose parameter 's' leaks}}
  strchr(p, 0);
}
