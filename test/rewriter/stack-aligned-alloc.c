// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.ll | FileCheck %s
// Stack storage takes the larger of 16, the site's Align and the constant
// alignment aligned_alloc asks for.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@wide(
// CHECK: alloca [256 x i8], align 64
// CHECK-NOT: call{{.*}}@aligned_alloc
// CHECK-NOT: call{{.*}}@free
int wide(void) {
  // ESCAPE-SITE: wide aligned_alloc @+1:13 stack size=256
  char *p = aligned_alloc(64, 256);
  p[0] = 7;
  // ESCAPE-FREE: wide free @+1:3 sites=0
  free(p);
  return 0;
}

// CHECK-LABEL: define {{.*}}@narrow(
// CHECK: alloca [8 x i8], align 32
long narrow(void) {
  // ESCAPE-SITE: narrow malloc @+1:13 stack size=8 align=32
  long *p = malloc(8);
  *p = 3;
  return *p;
}
