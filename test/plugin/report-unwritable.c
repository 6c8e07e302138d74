// RUN: not %escape -fsyntax-only -fplugin-arg-escape-report=%t.missing/dir/r.yaml -I %inputs %s 2>&1 | FileCheck %s
// A report path that cannot be written is an error naming the path, not a crash.
#include "alloc.h"

void local(void) { char *p = malloc(8); free(p); }
// CHECK: error: cannot write escape report '{{.*}}.missing/dir/r.yaml': No such file or directory
