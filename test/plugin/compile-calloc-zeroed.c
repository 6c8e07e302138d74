// RUN: %escape -O0 -S -emit-llvm -o - -I %inputs %s | FileCheck %s
// A calloc moved to the stack is zeroed storage.
#include "alloc.h"

int first(void) {
  int *p = calloc(4, sizeof(int));
  int r = p[2];
  free(p);
  return r;
}
// CHECK-LABEL: define {{.*}}@first(
// CHECK-NOT: call {{.*}}@calloc(
// CHECK: call void @llvm.memset{{.*}}(ptr {{.*}}, i8 0, i64 16
