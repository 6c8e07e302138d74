// RUN: %escape -O0 -S -emit-llvm -o - -I %inputs %s | FileCheck %s
// RUN: %escape -O2 -S -emit-llvm -o - -I %inputs %s | FileCheck %s
// A size constant through an unmodified local moves to the stack although
// the IR the pass sees still reads the variable.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@fixed(
// CHECK-NOT: call {{.*}}@malloc
// CHECK-NOT: call {{.*}}@free
// CHECK: ret
long fixed(int i) {
  unsigned long cap = 32;
  long *keys = malloc(cap * sizeof *keys);
  for (int k = 0; k < 32; k++)
    keys[k] = k * i;
  printf("%ld\n", keys[3]);
  long r = keys[i & 31];
  free(keys);
  return r;
}
