// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// The safety net: a stack site whose size in the IR is not the constant the
// analysis saw, or not constant at all, stays on the heap.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@sizes(
// CHECK-NOT: alloca [
// CHECK: call {{.*}}@malloc(i64 noundef 16)
// CHECK: call {{.*}}@malloc(i64 noundef %
// CHECK: call {{.*}}@strdup(
// TRACE: warning: sizes: 'malloc' at {{.*}}:[[#@LINE+7]]:13: left on the heap: size in the IR is not the constant 32
// TRACE: warning: sizes: 'malloc' at {{.*}}:[[#@LINE+8]]:13: left on the heap: size in the IR is not the constant 4
// TRACE: warning: sizes: 'strdup' at {{.*}}:[[#@LINE+9]]:13: left on the heap: 'strdup' cannot become stack storage
// TRACE-NOT: -> stack
int sizes(int n, const char *s) {
  int four = 4;
  // ESCAPE-SITE: sizes malloc @+1:13 stack size=32
  char *a = malloc(16);
  // ESCAPE-SITE: sizes malloc @+1:13 stack size=4
  char *b = malloc(four);
  // ESCAPE-SITE: sizes strdup @+1:13 stack size=4
  char *c = strdup(s);
  a[0] = b[0] = c[0] = (char)n;
  return a[0];
}
