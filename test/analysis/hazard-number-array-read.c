// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Pointer bytes stored into a local array of numbers through a cast come
// back as numbers when an element is read: the pointer escapes there.
// Reading a number array that holds no pointer changes nothing.
#include "alloc.h"

unsigned long long handle;
void through_cast(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: read as an integer}}
  unsigned char b[8];
  *(char **)b = p;
  unsigned long long x = 0;
  for (int i = 0; i < 8; i++)
    x = x << 8 | b[i];
  handle = x;
}

int plain_bytes(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  unsigned char b[8] = {1, 2, 3};
  p[0] = (char)b[1];
  int v = p[0] + b[2];
  free(p);
  return v;
}
