// RUN: %escape -fsyntax-only -fplugin-arg-escape-m=1 -I %inputs %s 2>&1 | FileCheck %s
// A site's remark points at the start of the allocation call.
#include "alloc.h"

void use(void) {
  char *p = (char *)malloc(8);
  // CHECK: remark-location.c:[[@LINE-1]]:21: remark: allocation does not escape; would move to the stack
  free(p);
}
