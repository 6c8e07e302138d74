// RUN: %escape -fsyntax-only -fplugin-arg-escape-m=1 -I %inputs %s 2>&1 | FileCheck %s
// A leaking-param remark points at the parameter's name.
#include "alloc.h"

char *last;
void keep(int n, char *target) { last = target; (void)n; }
// CHECK: leaking-param-location.c:[[@LINE-1]]:24: remark: leaking param: 'target'
