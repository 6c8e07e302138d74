// RUN: %escape -O2 -S -emit-llvm -o - -I %inputs %s | FileCheck %s --check-prefix=PLAIN
// RUN: %escape -O2 -g -S -emit-llvm -o - -I %inputs %s | FileCheck %s --check-prefix=DEBUG
// RUN: %escape -O2 -Rpass=inline -S -emit-llvm -o - -I %inputs %s 2>/dev/null | FileCheck %s --check-prefix=REMARKS
// The location tracking the plugin turns on to match calls is dropped once
// the rewrite has run, unless the compile asked for debug info or remarks.
#include "alloc.h"

int first(void) {
  char *p = malloc(16);
  p[0] = 1;
  int r = p[0] + (int)strlen(p);
  free(p);
  return r;
}
// PLAIN-NOT: !dbg
// PLAIN-NOT: DILocation
// DEBUG: !dbg
// DEBUG: DISubprogram(name: "first"
// REMARKS: !dbg
