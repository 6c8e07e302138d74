// RUN: %c_to_ir -std=c99 -O0 %s -o %t.c99.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.c99.ll | FileCheck %s
// RUN: %c_to_ir -std=c11 -O1 %s -o %t.c11.ll
// RUN: %rewrite_ir -O1 -spec=%s %t.c11.ll | FileCheck %s
// RUN: %c_to_ir -std=c17 -O3 %s -o %t.c17.ll
// RUN: %rewrite_ir -O3 -spec=%s %t.c17.ll | FileCheck %s
// RUN: %c_to_ir -std=gnu17 -O2 -g %s -o %t.gnu17.ll
// RUN: %rewrite_ir -O2 -spec=%s %t.gnu17.ll | FileCheck %s
// The same sites are found and rewritten under every C dialect and level,
// with full debug info as with location tracking only.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@dialects(
// CHECK-NOT: call {{.*}}@malloc
// CHECK-NOT: call {{.*}}@calloc
// CHECK-NOT: call void @free
// CHECK: call {{.*}}@esc_frame_calloc(
// CHECK: ret i32
int dialects(int n) {
  // ESCAPE-SITE: dialects malloc @+1:19 stack size=12
  int *v = (int *)malloc(3 * sizeof(int));
  // ESCAPE-SITE: dialects calloc @+1:19 arena
  int *w = (int *)calloc(n, sizeof(int));
  v[0] = n;
  w[0] = v[0] + 1;
  int r = w[0] + (int)strlen((const char *)w); // keeps w from folding away
  // ESCAPE-FREE: dialects free @+1:3 sites=0
  free(v);
  // ESCAPE-FREE: dialects free @+1:3 sites=1
  free(w);
  return r;
}
