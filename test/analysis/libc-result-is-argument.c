// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strchr returns a pointer into its first argument: publishing it publishes the argument.
#include "alloc.h"

char *last;
void find(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'last'}}
  strcpy(p, "a,b");
  last = strchr(p, ',');
}
