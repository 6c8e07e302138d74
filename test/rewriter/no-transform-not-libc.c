// Only the C library's malloc on the runtime's platform is replaced.  Under
// -ffreestanding or -fno-builtin(-malloc) `malloc` may be the program's own
// allocator (a kernel's, a counting wrapper), and another target has no
// runtime to call, so the code keeps its calls; the remarks still say what
// does not escape, as with -fplugin-arg-escape-transform=0.
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=HOSTED
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s -ffreestanding | FileCheck %s --check-prefix=KEPT
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s -fno-builtin | FileCheck %s --check-prefix=KEPT
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s -fno-builtin-malloc | FileCheck %s --check-prefix=KEPT
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s -m32 | FileCheck %s --check-prefix=KEPT
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -S -emit-llvm -o - %s --target=aarch64-linux-gnu | FileCheck %s --check-prefix=KEPT
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 -c -o /dev/null %s -ffreestanding 2>&1 | FileCheck %s --check-prefix=REMARK
#include "alloc.h"

int sum(int n) {
  int *v = malloc((unsigned)n * sizeof *v);
  int s = 0;
  for (int i = 0; i < n; i++) v[i] = i;
  for (int i = 0; i < n; i++) s += v[i];
  free(v);
  return s;
}
// HOSTED: call {{.*}}@esc_frame_
// KEPT-NOT: esc_frame_
// KEPT: call {{.*}}@malloc(
// KEPT-NOT: esc_frame_
// REMARK: remark: allocation does not escape
// REMARK-NOT: moved to
