// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A returned strdup escapes.
#include "alloc.h"

char *copy(const char *s) { // expected-remark {{leaking param content: 's'}}
  return strdup(s); // expected-remark {{allocation escapes to heap: returned from 'copy'}}
}
