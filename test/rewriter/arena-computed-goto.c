// RUN: %escape -O2 -S -emit-llvm -o - -fplugin-arg-escape-arena=1 -I %inputs %s | FileCheck %s
// A function that leaves through computed gotos enters its frame at the
// entry: edges of an indirect branch cannot carry the frame's release.
#include "alloc.h"

// CHECK-LABEL: define {{.*}}@dispatch(
// CHECK: call {{.*}}@esc_frame_enter
// CHECK: {{^_alloc\(|@esc_frame_alloc\(}}
// CHECK: call void @esc_frame_{{(free_)?}}leave{{(_pair)?}}(
int dispatch(int op, int n) {
  static void *targets[] = {&&add, &&done};
  int acc = 0;
  if (op < 0)
    return -1;
  char *buf = malloc((unsigned long)n + 1);
  buf[0] = (char)op;
  acc = buf[0] + (int)strlen(buf);
  goto *targets[op & 1];
add:
  acc += 2;
done:
  free(buf);
  return acc;
}
