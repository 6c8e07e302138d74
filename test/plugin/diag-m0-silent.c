// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=0 -I %inputs %s
// -m=0 is silent, like no -m at all.
#include "alloc.h"

// expected-no-diagnostics
char *last;
void use(void) { last = malloc(8); }
