// RUN: %escape -fsyntax-only -Xclang -verify -I %inputs %s
// Without -fplugin-arg-escape-m the plugin says nothing.
#include "alloc.h"

// expected-no-diagnostics
char *last;
void keep(char *p) { last = p; }
void use(void) {
  char *p = malloc(8);
  free(p);
  last = malloc(8);
}
