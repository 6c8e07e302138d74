// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// GNU strerror_r may return the buffer it was given.
#include "alloc.h"

char *strerror_r(int, char *, size_t);
char *last;
void message(int e) {
  char *b = malloc(64); // expected-remark {{'b' escapes to heap}}
  last = strerror_r(e, b, 64);
}
