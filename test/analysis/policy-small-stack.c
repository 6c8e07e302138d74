// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=off -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-small-stack=0 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=big -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-small-stack=2048 -I %inputs %s
// RUN: %escape -fsyntax-only -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// A malloc, calloc or string copy of a dynamic size that could take the
// stack were its size a constant gets a stack slot of small-stack bytes
// (64), which it takes when its size at run time fits; the frame arena
// takes it otherwise.  Not where the stack is ruled out for the function or the
// object: recursion, a block live across iterations, a block passed to
// realloc, nor for aligned_alloc, or where the slot would pass the stack
// limit (small-stack=2048) or the frame budget; strdup and strndup take it
// when the copy fits.  small-stack=0 turns it off.
#include "alloc.h"

void use(char *p, size_t n) {
  if (n)
    p[0] = (char)n;
}

void plain(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena (the stack when at most 64 bytes)}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(p, n);
  free(p);
}
// CHECK: Line: [[#@LINE-4]]
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; size is dynamic; the stack when at most 64 bytes

void zeroed(size_t n) {
  long *p = calloc(n, sizeof *p); // expected-remark {{would move to the frame arena (the stack when at most 64 bytes)}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use((char *)p, n);
  free(p);
}

int recursive(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(p, n);
  int r = n ? recursive(n - 1) : 0;
  free(p);
  return r;
}

void carried(size_t n) {
  char *keep = 0;
  for (size_t i = 0; i < n; i++) {
    char *p = malloc(i + 1); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
    use(p, i);
    free(keep);
    keep = p;
  }
  free(keep);
}

void per_iteration(size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *p = malloc(i + 1); // expected-remark {{would move to the frame arena (the stack when at most 64 bytes)}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
    use(p, i);
    free(p);
  }
}

void grown(size_t n) {
  char *p = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  p = realloc(p, 2 * n); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(p, n);
  free(p);
}

void copied(const char *s) {
  char *p = strdup(s); // expected-remark {{would move to the frame arena (the stack when at most 64 bytes)}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(p, 1);
  free(p);
}

void aligned(size_t n) {
  char *p = aligned_alloc(64, n); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(p, n);
  free(p);
}

// The frame budget (1024 bytes): a constant 1000-byte block first, then no
// room for a slot.
void budget(size_t n) {
  char *a = malloc(1000); // expected-remark {{would move to the stack}} off-remark {{would move to the stack}} big-remark {{would move to the stack}}
  char *b = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(a, n);
  use(b, n);
  free(b);
  free(a);
}

// An allocation wrapper's call takes the slot when the wrapper's one block
// comes from malloc, calloc, strdup or strndup; not one of two.
static void *xmalloc(size_t n) {
  void *p = malloc(n); // expected-remark {{returned from 'xmalloc'}} off-remark {{returned from 'xmalloc'}} big-remark {{returned from 'xmalloc'}}
  if (!p)
    __builtin_trap();
  return p;
}
static void *pick(size_t n, int c) {
  return c ? malloc(n) : calloc(1, n); // expected-remark 2 {{returned from 'pick'}} off-remark 2 {{returned from 'pick'}} big-remark 2 {{returned from 'pick'}}
}

void wrapped(size_t n, int c) {
  char *p = xmalloc(n); // expected-remark {{would move to the frame arena (the stack when at most 64 bytes)}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  char *q = pick(n, c); // expected-remark {{allocation does not escape; would move to the frame arena}} off-remark {{would move to the frame arena}} big-remark {{would move to the frame arena}}
  use(p, n);
  use(q, n);
  free(q);
  free(p);
}
