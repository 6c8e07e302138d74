// RUN: %escape -O0 -S -emit-llvm -o - -fplugin-arg-escape-transform=0 -I %inputs %s | FileCheck %s --check-prefix=OFF
// RUN: %escape -O0 -S -emit-llvm -o - -I %inputs %s | FileCheck %s --check-prefix=ON
// transform=0 leaves the malloc call in the IR; the default replaces it.
#include "alloc.h"

int sum(void) {
  char *p = malloc(16);
  p[0] = 1;
  int s = p[0];
  free(p);
  return s;
}
// OFF: call {{.*}}@malloc(
// ON-LABEL: define {{.*}}@sum(
// ON-NOT: call {{.*}}@malloc(
// ON: ret i32
