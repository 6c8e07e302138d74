// REQUIRES: plugin
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm %s -o - | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm %s -o - | FileCheck %s
// RUN: %escape -O1 -g -std=c99 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm %s -o - | FileCheck %s
// RUN: %escape -O3 -std=gnu17 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm %s -o - | FileCheck %s
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-trace=1 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=TRACE
// In one clang compile, the plugin's verdicts reach the IR: a constant-size
// scratch buffer becomes stack storage and a dynamic one goes to the frame
// arena (or a stack slot when it fits), at every level, with and without -g.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@fixed(
// O0: alloca [64 x i8], align 16
// CHECK-NOT: call {{.*}}@malloc
// CHECK-NOT: call void @free
// CHECK: ret i32
// TRACE: escape: fixed: 'malloc' at {{.*}}plugin-pipeline.c:[[#@LINE+2]]:13 -> stack (64 bytes)
int fixed(int x) {
  char *p = malloc(64);
  memset(p, x, 64);
  int r = p[0] + p[63];
  free(p);
  return r;
}

// A dynamic size takes a 64-byte stack slot when it fits (small-stack).
// CHECK-LABEL: define {{.*}}@dynamic(
// CHECK: alloca [64 x i8], align 16
// CHECK: icmp {{ule i64 .*, 64|ult i64 .*, 65}}
// CHECK: call {{.*}}@esc_frame_enter
// CHECK: {{^_alloc\(|@esc_frame_alloc\(}}
// CHECK-NOT: call {{.*}}@malloc
// CHECK: call void @esc_frame_{{(free_)?}}leave{{(_pair)?}}(
// TRACE: escape: dynamic: 'malloc' at {{.*}}plugin-pipeline.c:[[#@LINE+2]]:13 -> arena, or a stack slot when at most 64 bytes
int dynamic(int n) {
  char *p = malloc(n);
  memset(p, 2, n);
  int r = p[n - 1];
  free(p);
  return r;
}
