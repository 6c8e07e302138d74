// RUN: %escape -x c++ -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// The analysis models C only: C++ translation units get no remarks.
#include "alloc.h"

// expected-no-diagnostics
extern "C" char *last;
void use() { last = (char *)malloc(8); }
