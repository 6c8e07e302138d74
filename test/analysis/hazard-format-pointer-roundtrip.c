// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// %p through sprintf and back through sscanf recreates the pointer.
#include "alloc.h"

int sscanf(const char *, const char *, ...);
void *last;
void roundtrip(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  char text[32];
  sprintf(text, "%p", (void *)p);
  sscanf(text, "%p", &last);
}
