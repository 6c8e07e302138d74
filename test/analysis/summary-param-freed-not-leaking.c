// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Freeing a parameter is not a leak: no leaking-param remark.
#include "alloc.h"
// expected-no-diagnostics

void release(char *p) { free(p); }
int read(const char *p) { return p[0]; }
