// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=%t.yaml %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: FileCheck %s < %t.yaml
// RUN: %escape -O0 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: %escape -O1 -fsanitize=address -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt-core.a -lpthread -o %t.asan
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// Differential for objects a callee frees or that are reallocated: they move
// to the frame arena, the callees' free() calls to esc_frame_free and the
// realloc() calls to esc_frame_realloc_heap.  The same helpers also free heap
// memory (a global's block), in loops, out of allocation order and on some
// paths only.
#include "alloc.h"

typedef struct item {
  char *name;
  int n;
  struct item *next;
} item;

static void item_free(item *it) {
  free(it->name);
  free(it);
}

static void list_free(item *l) {
  while (l) {
    item *n = l->next;
    item_free(l);
    l = n;
  }
}

static void release(char *p) { free(p); }

static int maybe_release(char *p, int k) {
  if (k % 3 == 0) {
    free(p);
    return 1;
  }
  return 0;
}

static int work(const char *s, int k) {
  item *head = 0;
  for (int i = 0; i < k % 7 + 1; i++) {
    item *it = malloc(sizeof *it);
    it->name = strdup(s);
    it->n = (int)strlen(it->name) + i;
    it->next = head;
    head = it;
  }
  int r = 0;
  for (item *it = head; it; it = it->next)
    r += it->n * it->name[0];
  list_free(head);
  char *b = malloc(64 + (unsigned)k % 50);
  memset(b, k & 0x7f, 64 + (unsigned)k % 50);
  r += b[3];
  if (!maybe_release(b, k)) {
    r += b[5];
    release(b);
  }
  return r;
}

// A string builder grown in its own function and through a helper.
static void grow(char **p, size_t *cap) {
  *cap *= 2;
  *p = realloc(*p, *cap);
}

static int builder(int k) {
  size_t cap = 8, len = 0, cap2 = 8, len2 = 0;
  char *a = malloc(cap);
  char *b = malloc(cap2);
  for (int i = 0; i < k % 40; i++) {
    if (len == cap) {
      cap *= 2;
      a = realloc(a, cap);
    }
    a[len++] = (char)('a' + i % 26);
    if (len2 == cap2)
      grow(&b, &cap2);
    b[len2++] = (char)('A' + (i * 7) % 26);
  }
  int r = (int)len + (len ? a[len - 1] : 0) + (len2 ? b[len2 / 2] : 0);
  free(a);
  free(b);
  return r;
}

char *kept;

int main(void) {
  long sum = 0;
  for (int k = 0; k < 20000; k++)
    sum += work(k % 2 ? "alpha" : "be", k) + builder(k);
  kept = malloc(10);
  kept[0] = 'x';
  sum += kept[0];
  release(kept);
  printf("%ld\n", sum);
  return 0;
}
// CHECK: Function: work
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; freed by 'list_free'
// CHECK: Function: builder
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; passed to 'realloc'
// CHECK: Function: builder
// CHECK: Storage: arena
// CHECK-NEXT: String: ': '
// CHECK-NEXT: Reason: does not escape; freed by 'grow'
