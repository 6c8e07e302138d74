// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Pointer bytes put into an integer object escape: copied there by memcpy,
// or stored through a cast pointer and read back as an integer.
#include "alloc.h"

char *hide(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'memcpy'}}
  long l;
  memcpy(&l, &p, sizeof p);
  return (char *)l;
}

char *hide_cast(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: address of numbers holding bytes taken}}
  long l;
  *(char **)&l = p;
  return (char *)l;
}
