// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Byte copies through an integer variable carry a pointer's bytes: the
// block it points to is used after its function returned, and must have
// stayed on the heap (it was moved to the frame arena, and the second call
// overwrote the first one's string).
#include "alloc.h"

static void bytecopy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) {
    unsigned v = *s++;
    *d++ = (unsigned char)v;
  }
}

struct box { int tag; char *payload; };

// Through a local array of ints.
static void copy_via_ints(void *dst, const void *src, size_t n) {
  const unsigned char *s = src;
  unsigned char *d = dst;
  int tmp[64];
  for (size_t i = 0; i < n; i++)
    tmp[i] = s[i];
  for (size_t i = 0; i < n; i++)
    d[i] = tmp[i];
}

__attribute__((noinline)) static char *unbox_ints(const char *t) {
  struct box *b = malloc(sizeof *b);
  b->payload = strdup(t);
  char *r;
  copy_via_ints(&r, &b->payload, sizeof r);
  free(b);
  return r;
}

__attribute__((noinline)) static char *unbox(const char *t) {
  struct box *b = malloc(sizeof *b);
  b->tag = 1;
  b->payload = strdup(t);
  char *r;
  bytecopy(&r, &b->payload, sizeof r);
  free(b);
  return r;
}

// The bytes of the blocks an array points to, copied into a returned
// buffer through an int: a pointer among them is copied too.
static char *concat_blocks(char **parts, size_t *len, int n) {
  size_t t = 0;
  for (int i = 0; i < n; i++)
    t += len[i];
  char *out = malloc(t), *o = out;
  for (int i = 0; i < n; i++)
    for (size_t j = 0; j < len[i]; j++) {
      int c = (unsigned char)parts[i][j];
      *o++ = (char)c;
    }
  return out;
}

struct ent { char *name; int id; };

__attribute__((noinline)) static char *snapshot(const char *nm, int id) {
  struct ent *e = malloc(sizeof *e);
  e->name = strdup(nm);
  e->id = id;
  char *parts[1] = {(char *)e};
  size_t len[1] = {sizeof *e};
  char *r = concat_blocks(parts, len, 1);
  free(e);
  return r;
}

int main(void) {
  char *a = unbox("first");
  char *c = unbox("second");
  printf("%s %s\n", a, c);
  a = unbox_ints("third");
  c = unbox_ints("fourth");
  printf("%s %s\n", a, c);
  char *x = snapshot("one", 1), *y = snapshot("two", 2);
  struct ent ex, ey;
  memcpy(&ex, x, sizeof ex);
  memcpy(&ey, y, sizeof ey);
  printf("%s %d %s %d\n", ex.name, ex.id, ey.name, ey.id);
  return 0;
}
// CHECK: first second
// CHECK: third fourth
// CHECK: one 1 two 2
