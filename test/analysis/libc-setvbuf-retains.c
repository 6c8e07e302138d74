// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// setvbuf keeps the buffer: it escapes.
#include "alloc.h"

extern FILE *out;
void buffer(void) {
  char *b = malloc(4096); // expected-remark {{'b' escapes to heap: retained by 'setvbuf'}}
  setvbuf(out, b, 0, 4096);
}
