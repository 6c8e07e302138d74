// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -bisect=n -spec=%s %t.ll | FileCheck %s
// A free() whose sites were not transformed (here: the bisect pattern
// selects none) is left exactly as it was.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@keep(
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// CHECK: call void @free(ptr noundef
// CHECK-NOT: select
int keep(void) {
  // ESCAPE-SITE: keep malloc @+1:13 stack size=8
  char *p = malloc(8);
  p[0] = 1;
  int r = p[0];
  // ESCAPE-FREE: keep free @+1:3 sites=0 other
  free(p);
  return r;
}
