// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strncpy over a pointer's bytes copies the pointer (its high bytes are zero on x86-64).
#include "alloc.h"

char *strncpy(char *, const char *, size_t);
char *last;
void copy(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  strncpy((char *)&last, (const char *)&p, sizeof p);
}
