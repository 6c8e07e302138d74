// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=2 -I %inputs %s
// Leaking-param remarks appear at -m=2 too, at the parameter.
#include "alloc.h"

char *id(char *p) { return p; } // expected-remark {{leaking param: 'p' to result}}
