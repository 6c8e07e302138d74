// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A block's address assembled from its bytes (read as characters, defined
// C) into a number that then leaves the function: through the number's
// address (read back through a pointer, or written by write()), in a
// struct of numbers returned, formatted by snprintf, passed to ldiv, as
// an inline assembly input, or as an offset added to a pointer.  Each
// block stays on the heap; moved, each line printed what later calls
// wrote over it.
// CHECK: address hello
// CHECK-NEXT: callee hello
// CHECK-NEXT: struct hello
// CHECK-NEXT: snprintf hello
// CHECK-NEXT: write hello
// CHECK-NEXT: ldiv hello
// CHECK-NEXT: asm hello
// CHECK-NEXT: offset hello
// CHECK-NEXT: complex hello
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long g;
static char g_buf[32];
static int g_fd[2];
static float g_re, g_im;

struct r { long x; };

static long bytes_of(char **pp) {
  const unsigned char *b = (const unsigned char *)pp;
  unsigned long v = 0;
  for (int i = 0; i < 8; i++)
    v |= (unsigned long)b[i] << (8 * i);
  return (long)v;
}

static char *hello(void) {
  char *p = malloc(64); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: returned from 'hello'
  strcpy(p, "hello");
  return p;
}

__attribute__((noinline)) static void through_address(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: address of a number holding its bytes taken
  long a = bytes_of(&p);
  long *pa = &a;
  g = *pa;
}

__attribute__((noinline)) static void keep(long *a) { g = *a; }

__attribute__((noinline)) static void through_callee(void) {
  char *p = hello();
  long a = bytes_of(&p);
  keep(&a);
}

__attribute__((noinline)) static struct r in_struct(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: returned as an integer from 'in_struct'
  struct r r = {bytes_of(&p)};
  return r;
}

__attribute__((noinline)) static void formatted(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: passed as bytes to 'snprintf'
  snprintf(g_buf, sizeof g_buf, "%lx", bytes_of(&p));
}

__attribute__((noinline)) static void written(void) {
  char *p = hello();
  long a = bytes_of(&p);
  if (write(g_fd[1], &a, sizeof a) != sizeof a)
    exit(1);
}

__attribute__((noinline)) static long divided(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: passed as bytes to 'ldiv'
  return ldiv(bytes_of(&p), 1).quot;
}

__attribute__((noinline)) static void by_asm(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: used as bytes by inline assembly
  long x;
  __asm__("mov %1, %0" : "=r"(x) : "r"(bytes_of(&p)));
  g = x;
}

__attribute__((noinline)) static char *offset(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: returned from 'offset'
  return (char *)0 + bytes_of(&p);
}

__attribute__((noinline)) static void complex_parts(void) {
  char *p = hello(); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'p' escapes to heap: copied as raw bytes by 'memcpy'
  _Complex float c;
  memcpy(&c, &p, sizeof p);
  g_re = __real__ c;
  g_im = __imag__ c;
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  if (pipe(g_fd) != 0)
    return 1;
  through_address();
  scribble();
  printf("address %.15s\n", (char *)g);
  through_callee();
  scribble();
  printf("callee %.15s\n", (char *)g);
  struct r r = in_struct();
  scribble();
  printf("struct %.15s\n", (char *)r.x);
  formatted();
  scribble();
  printf("snprintf %.15s\n", (char *)strtoul(g_buf, NULL, 16));
  written();
  long x;
  if (read(g_fd[0], &x, sizeof x) != sizeof x)
    return 1;
  scribble();
  printf("write %.15s\n", (char *)x);
  x = divided();
  scribble();
  printf("ldiv %.15s\n", (char *)x);
  by_asm();
  scribble();
  printf("asm %.15s\n", (char *)g);
  char *q = offset();
  scribble();
  printf("offset %.15s\n", q);
  complex_parts();
  scribble();
  _Complex float c;
  __real__ c = g_re;
  __imag__ c = g_im;
  memcpy(&q, &c, sizeof q);
  printf("complex %.15s\n", q);
  return 0;
}
