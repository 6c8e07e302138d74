// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// putenv keeps its string in the environment: it escapes.
#include "alloc.h"
#include "libc-extra.h"

void set(void) {
  char *s = malloc(16); // expected-remark {{'s' escapes to heap: retained by 'putenv'}}
  strcpy(s, "A=1");
  putenv(s);
}
