// RUN: %escape -fsyntax-only -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s --check-prefix=OFF
// A buffer grown with realloc() in its own function: the first block and
// what realloc returns move to the frame arena (the call becomes
// esc_frame_realloc, which grows the top block in place); never the stack.
// Without the arena both stay on the heap.
#include "alloc.h"

int build(int n) {
  size_t cap = 16, len = 0;
  char *buf = malloc(cap);
  for (int i = 0; i < n; i++) {
    if (len == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
    buf[len++] = (char)i;
  }
  int r = buf[0];
  free(buf);
  return r;
}
// CHECK: Line: 11
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; passed to 'realloc'
// CHECK: Line: 15
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; passed to 'realloc'
// OFF: Line: 11
// OFF: Storage: heap
// OFF-NEXT: String: ': '
// OFF-NEXT: Reason: passed to 'realloc'; the frame arena is off
