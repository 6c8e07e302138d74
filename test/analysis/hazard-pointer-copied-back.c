// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A pointer into the caller's memory (an out-parameter) copied out and
// back through memory that does not hold it as a pointer: a byte buffer
// (a generic swap, a raw copy), a number (converted to an integer, then
// copied back with memcpy or byte by byte), a compound literal, a union.
// What the function then stores through the copy reaches the caller, so
// each block escapes.  Each passed through memory whose bytes escaped, or
// through a helper whose parameter's pointee escaped, and the copy back
// was taken to point nowhere: the blocks moved, and the callers read what
// later calls wrote there.
#include "alloc.h"

#include <stdint.h>

static void gswap(void *a, void *b, size_t n) { // expected-remark {{leaking param content: 'a'}} expected-remark {{leaking param content: 'b'}}
  unsigned char t[64];
  memcpy(t, a, n);
  memcpy(a, b, n);
  memcpy(b, t, n);
}

static void vcopy(void *d, const void *s, size_t n) { memcpy(d, s, n); } // expected-remark {{leaking param content: 's'}}

void swapped(char **o) { // expected-remark {{leaking param: 'o'}}
  char **x = o, **y = 0;
  gswap(&x, &y, sizeof x);
  char *s = malloc(16); // expected-remark {{'s' escapes to heap: content leaks through parameter 'a' of 'gswap'}}
  *y = s;
}

void copied(char **o) { // expected-remark {{leaking param: 'o'}}
  char **y = 0;
  vcopy(&y, &o, sizeof o);
  char *s = malloc(16); // expected-remark {{'s' escapes to heap: stored by 'vcopy' into memory reachable from 's'}}
  *y = s;
}

void raw(char **o) { // expected-remark {{leaking param: 'o'}}
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'memcpy'}}
  char **s;
  unsigned char bytes[8];
  memcpy(bytes, &o, 8);
  memcpy(&s, bytes, 8);
  *s = p;
}

void number(char **o) { // expected-remark {{leaking param: 'o'}}
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  char **s;
  uintptr_t u = (uintptr_t)o;
  memcpy(&s, &u, 8);
  *s = p;
}

void number_bytes(char **o) { // expected-remark {{leaking param: 'o'}}
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  char **s;
  uintptr_t u = (uintptr_t)o;
  unsigned char *d = (unsigned char *)&s, *b = (unsigned char *)&u;
  for (unsigned i = 0; i < sizeof s; i++)
    d[i] = b[i];
  *s = p;
}

void literal(char **o) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  char **c = malloc(16); // expected-remark {{'c' escapes to heap: converted to an integer}}
  c[0] = 0;
  char **s;
  memcpy(&s, &(uintptr_t){(uintptr_t)c}, 8);
  *s = p;
  *o = c[0];
  free(c);
}

void punned(char **o) { // expected-remark {{leaking param: 'o'}}
  char *p = malloc(32); // expected-remark {{'p' escapes to heap}}
  union { uintptr_t u; char **pp; } un;
  un.u = (uintptr_t)o;
  char **s = un.pp;
  *s = p;
}

struct nums { uintptr_t u; long n; };

void number_struct(char **o) { // expected-remark {{leaking param: 'o'}}
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: stored into '*s'}}
  struct nums t;
  t.u = (uintptr_t)o;
  t.n = 1;
  char **s;
  memcpy(&s, &t, sizeof s);
  *s = p;
}
