// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// Two calls that share one line:column (a macro) cannot be told apart, so
// neither is transformed, and the disagreement is reported.
#include "alloc.h"
#define TWO(a, b) a = malloc(8); b = malloc(8)

// CHECK-LABEL: define {{.*}}@pair(
// CHECK-NOT: alloca [8 x i8]
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// TRACE: escape: warning: pair: 'malloc' at decline-duplicate-location.c:[[#@LINE+4]]:3: left on the heap: 2 calls to 'malloc' at this location in the IR
int pair(void) {
  char *a, *b;
  // ESCAPE-SITE: pair malloc @+1:3 stack size=8
  TWO(a, b);
  a[0] = 1;
  b[0] = 2;
  return a[0] + b[0];
}
