// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// Sites are reported in source order, whatever order the call graph analyses them in.
#include "alloc.h"

static char *helper(void);
void first(void) { char *p = helper(); free(p); }
void second(void) { char *p = malloc(8); free(p); }
static char *helper(void) { return malloc(4); }
// CHECK: Function: second
// CHECK: Function: helper
