// REQUIRES: plugin, rt-core
// RUN: %clang -O2 -nostdinc -I%inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -nostdinc -I%inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A pointer converted to an integer and kept in pieces, each masked after
// a shift or a division (bytes, a hand-written %p, one bit at a time), is
// rebuilt after its function returned: the block must stay on the heap.
// Moved to the stack, each line printed what later calls wrote over it.
// CHECK: bytes 1
// CHECK-NEXT: bytes 2
// CHECK-NEXT: hex 1
// CHECK-NEXT: hex 2
// CHECK-NEXT: bits 1
// CHECK-NEXT: bits 2
// CHECK-NEXT: divided 1
// CHECK-NEXT: divided 2
#include "alloc.h"

typedef __UINT64_TYPE__ u64;
typedef __UINTPTR_TYPE__ uptr;

static unsigned char saved[8];
static char handle[17];

static char *fill(const char *what, int i) {
  char *p = malloc(16);
  snprintf(p, 16, "%s %d", what, i);
  return p;
}

static char *from_saved(void) {
  u64 v = 0;
  for (int i = 0; i < 8; i++)
    v |= (u64)saved[i] << (8 * i);
  return (char *)(uptr)v;
}

__attribute__((noinline)) static void bytes(int i) {
  char *p = fill("bytes", i);
  u64 v = (uptr)p;
  for (int k = 0; k < 8; k++)
    saved[k] = (v >> (8 * k)) & 0xff;
}

__attribute__((noinline)) static void hex(int i) {
  char *p = fill("hex", i);
  for (int k = 0; k < 16; k++)
    handle[k] = "0123456789abcdef"[((uptr)p >> (4 * (15 - k))) & 0xf];
  handle[16] = 0;
}

static char *from_hex(void) {
  uptr v = 0;
  for (int k = 0; k < 16; k++)
    v = v * 16 + (uptr)(handle[k] <= '9' ? handle[k] - '0' : handle[k] - 'a' + 10);
  return (char *)v;
}

__attribute__((noinline)) static void bits(int i) {
  char *p = fill("bits", i);
  uptr v = (uptr)p;
  memset(saved, 0, sizeof saved);
  for (int k = 0; k < 64; k++)
    if ((v >> k) & 1)
      saved[k / 8] |= (unsigned char)(1 << (k % 8));
}

__attribute__((noinline)) static void divided(int i) {
  char *p = fill("divided", i);
  uptr v = (uptr)p;
  for (int k = 0; k < 8; k++) {
    saved[k] = v % 256;
    v /= 256;
  }
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  for (int i = 1; i <= 2; i++) {
    bytes(i);
    scribble();
    printf("%.15s\n", from_saved());
  }
  for (int i = 1; i <= 2; i++) {
    hex(i);
    scribble();
    printf("%.15s\n", from_hex());
  }
  for (int i = 1; i <= 2; i++) {
    bits(i);
    scribble();
    printf("%.15s\n", from_saved());
  }
  for (int i = 1; i <= 2; i++) {
    divided(i);
    scribble();
    printf("%.15s\n", from_saved());
  }
  return 0;
}
