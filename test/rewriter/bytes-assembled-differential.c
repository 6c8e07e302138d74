// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 %s -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O1 %s -o %t.esc1
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc1 > %t.esc1.out
// RUN: diff %t.plain.out %t.esc1.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A block's address assembled from its bytes read as characters (defined
// C), then carried on by forms the analysis once dropped: `+=` with a
// shift, a struct of numbers copied whole, a comma, an array of numbers
// read through a pointer to it (`q = arr`, `&arr[0]`, `&arr`, or one
// bsearch returns), addresses made from it by indexing and by `z += a`, a
// complex number's part set to it, a vector initialised with it, a
// statement expression, a compound literal, a struct initialised from
// another or assigned a struct literal, and `__builtin_bit_cast`.  Each
// block stays on the heap; moved, each line printed what later calls
// wrote over it.
// CHECK: plus hello
// CHECK-NEXT: struct hello
// CHECK-NEXT: comma hello
// CHECK-NEXT: array hello
// CHECK-NEXT: array-offset hello
// CHECK-NEXT: array-element hello
// CHECK-NEXT: array-whole hello
// CHECK-NEXT: bsearch hello
// CHECK-NEXT: index-null hello
// CHECK-NEXT: index-base hello
// CHECK-NEXT: index-swapped hello
// CHECK-NEXT: pointer-plus hello
// CHECK-NEXT: complex-part hello
// CHECK-NEXT: vector-init hello
// CHECK-NEXT: statement hello
// CHECK-NEXT: literal hello
// CHECK-NEXT: struct-init hello
// CHECK-NEXT: struct-literal hello
// CHECK-NEXT: bit-cast hello
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long g;
static char *gp;
static char base[16];
static _Complex long gc;
typedef unsigned long v2 __attribute__((vector_size(16)));
static v2 gv;
struct s1 {
  unsigned long v;
};
static struct s1 gs;

#define ASSEMBLE(a, p) \
  for (int i = 0; i < 8; i++) (a) |= (unsigned long)((unsigned char *)&(p))[i] << (8 * i)

static char *hello(void) {
  char *p = malloc(16);
  strcpy(p, "hello");
  return p;
}

__attribute__((noinline)) static void plus(void) {
  char *p = hello();
  unsigned long a = 0;
  for (int i = 0; i < 8; i++)
    a += (unsigned long)((unsigned char *)&p)[i] << (8 * i);
  g = a;
}

__attribute__((noinline)) static void struct_copy(void) {
  char *p = hello();
  struct { unsigned long v; } s, t;
  s.v = 0;
  ASSEMBLE(s.v, p);
  t = s;
  g = t.v;
}

__attribute__((noinline)) static void comma(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  g = (0, a);
}

__attribute__((noinline)) static void array(void) {
  char *p = hello();
  unsigned long arr[2] = {0, 0};
  ASSEMBLE(arr[1], p);
  unsigned long *q = arr;
  g = q[1];
}

__attribute__((noinline)) static void array_offset(void) {
  char *p = hello();
  unsigned long arr[2];
  arr[0] = 0;
  arr[1] = 0;
  ASSEMBLE(arr[1], p);
  g = *(arr + 1);
}

__attribute__((noinline)) static void array_element(void) {
  char *p = hello();
  unsigned long arr[2] = {0, 0};
  ASSEMBLE(arr[1], p);
  unsigned long *q = &arr[0];
  g = q[1];
}

__attribute__((noinline)) static void array_whole(void) {
  char *p = hello();
  unsigned long arr[2] = {0, 0};
  ASSEMBLE(arr[1], p);
  unsigned long(*q)[2] = &arr;
  g = (*q)[1];
}

static int cmp(const void *x, const void *y) {
  unsigned long a = *(const unsigned long *)x, b = *(const unsigned long *)y;
  return (a > b) - (a < b);
}

__attribute__((noinline)) static void searched(void) {
  char *p = hello();
  unsigned long arr[2] = {1, 0};
  ASSEMBLE(arr[1], p);
  unsigned long key = 1;
  unsigned long *r = bsearch(&key, arr, 2, sizeof arr[0], cmp);
  g = r[1];
}

__attribute__((noinline)) static void index_null(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  gp = &((char *)0)[a];
}

__attribute__((noinline)) static void index_base(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  gp = &base[a - (unsigned long)base];
}

__attribute__((noinline)) static void index_swapped(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  gp = &a[(char *)0];
}

__attribute__((noinline)) static void pointer_plus(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  char *z = 0;
  z += a;
  gp = z;
}

__attribute__((noinline)) static void complex_part(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  _Complex long c = 0;
  __real__ c = (long)a;
  gc = c;
}

__attribute__((noinline)) static void vector_init(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  v2 v = {0, a};
  gv = v;
}

__attribute__((noinline)) static void statement(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  g = ({ a; });
}

__attribute__((noinline)) static void literal(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  g = *(unsigned long[]){a};
}

__attribute__((noinline)) static unsigned long struct_init(void) {
  char *p = hello();
  struct s1 s;
  s.v = 0;
  ASSEMBLE(s.v, p);
  struct s1 t = s;
  return t.v;
}

__attribute__((noinline)) static void struct_literal(void) {
  char *p = hello();
  unsigned long a = 0;
  ASSEMBLE(a, p);
  gs = (struct s1){a};
}

__attribute__((noinline)) static unsigned long bit_cast(void) {
  char *p = hello();
  return __builtin_bit_cast(unsigned long, p);
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  plus();
  scribble();
  printf("plus %.15s\n", (char *)g);
  struct_copy();
  scribble();
  printf("struct %.15s\n", (char *)g);
  comma();
  scribble();
  printf("comma %.15s\n", (char *)g);
  array();
  scribble();
  printf("array %.15s\n", (char *)g);
  array_offset();
  scribble();
  printf("array-offset %.15s\n", (char *)g);
  array_element();
  scribble();
  printf("array-element %.15s\n", (char *)g);
  array_whole();
  scribble();
  printf("array-whole %.15s\n", (char *)g);
  searched();
  scribble();
  printf("bsearch %.15s\n", (char *)g);
  index_null();
  scribble();
  printf("index-null %.15s\n", gp);
  index_base();
  scribble();
  printf("index-base %.15s\n", gp);
  index_swapped();
  scribble();
  printf("index-swapped %.15s\n", gp);
  pointer_plus();
  scribble();
  printf("pointer-plus %.15s\n", gp);
  complex_part();
  scribble();
  printf("complex-part %.15s\n", (char *)__real__ gc);
  vector_init();
  scribble();
  printf("vector-init %.15s\n", (char *)gv[1]);
  statement();
  scribble();
  printf("statement %.15s\n", (char *)g);
  literal();
  scribble();
  printf("literal %.15s\n", (char *)g);
  g = struct_init();
  scribble();
  printf("struct-init %.15s\n", (char *)g);
  struct_literal();
  scribble();
  printf("struct-literal %.15s\n", (char *)gs.v);
  g = bit_cast();
  scribble();
  printf("bit-cast %.15s\n", (char *)g);
  return 0;
}
