// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs -isystem %inputs/system %s
// RUN: %escape -fsyntax-only -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=- -I %inputs -isystem %inputs/system %s | FileCheck %s
// With the frame arena on, an object a callee of this file frees or
// reallocates moves to the arena (never the stack: the callee's free()
// becomes esc_frame_free and its realloc() esc_frame_realloc_heap, which take
// arena and heap pointers).  One that a function of a system header frees
// (its free() is not rewritten) stays on the heap.
#include "alloc.h"
#include "sys-helper.h"

static void release(char *p) { free(p); }
static void grow(char **p) { *p = realloc(*p, 64); } // expected-remark {{'*p' escapes to heap: stored into '*p'}}
static void clear(char **slot) { free(*slot); *slot = 0; }

void use(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 0;
  release(p);
  char *q = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  grow(&q);
  free(q);
  char *r = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  clear(&r);
  char *s = malloc(8); // expected-remark {{allocation does not escape; stays on the heap}}
  helper_release(s);
}
// CHECK: Line: 16
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; freed by 'release'
// CHECK: Line: 19
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; freed by 'grow'
// CHECK: Line: 22
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; freed by 'clear'
// CHECK: Line: 24
// CHECK: Storage: heap
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: freed by 'helper_release'
