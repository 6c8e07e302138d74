// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// _FORTIFY_SOURCE's __builtin___memcpy_chk is memcpy.
#include "alloc.h"

char *last;
void keep(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  __builtin___memcpy_chk(&last, &p, sizeof p, __builtin_object_size(&last, 0));
}
