// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Integer parameters never leak.
#include "alloc.h"

// expected-no-diagnostics
long last;
void keep(long v) { last = v; }
