// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A realloc result returned to the caller escapes; the old block's contents go with it.
#include "alloc.h"

char *grow(char *old) { // expected-remark {{leaking param content: 'old'}}
  return realloc(old, 64); // expected-remark {{allocation escapes to heap: returned from 'grow'}}
}
