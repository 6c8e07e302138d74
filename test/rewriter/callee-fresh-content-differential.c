// REQUIRES: plugin, rt-core
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
//
// Blocks pushed into a vector whose storage a helper grows with realloc
// move to the frame arena while the vector stays in the function; pushed
// into a vector the function returns, they stay on the heap.  The program
// prints what plain clang's build prints, with released arena memory
// poisoned.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
  char **items;
  size_t n, cap;
};

static void vec_push(struct vec *v, char *s) {
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 2;
    char **grown = realloc(v->items, v->cap * sizeof *grown);
    if (!grown)
      exit(1);
    v->items = grown;
  }
  v->items[v->n++] = s;
}

static int by_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static unsigned long sorted_hash(int k) {
  struct vec v = {NULL, 0, 0};
  for (int i = 0; i < k; i++) {
    char *s = malloc(24); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
    snprintf(s, 24, "w%05d", (i * 7919) % 10007);
    vec_push(&v, s);
  }
  qsort(v.items, v.n, sizeof *v.items, by_text);
  unsigned long h = 5381;
  for (size_t i = 0; i < v.n; i++) {
    for (const char *p = v.items[i]; *p; p++)
      h = h * 33 + (unsigned char)*p;
    free(v.items[i]);
  }
  free(v.items);
  return h;
}

static struct vec collect(int k) {
  struct vec v = {NULL, 0, 0};
  for (int i = 0; i < k; i++) {
    char *s = malloc(16); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 's' escapes to heap
    snprintf(s, 16, "k%d", i);
    vec_push(&v, s);
  }
  return v;
}

int main(void) {
  unsigned long total = 0;
  for (int r = 1; r < 300; r++)
    total = total * 31 + sorted_hash(r % 97);
  struct vec v = collect(5);
  printf("total %lu\n", total);
  for (size_t i = 0; i < v.n; i++) {
    printf("%s\n", v.items[i]);
    free(v.items[i]);
  }
  free(v.items);
  return 0;
}
// CHECK: total
// CHECK-NEXT: k0
// CHECK: k4
