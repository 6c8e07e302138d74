// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// posix_memalign storing into a caller's pointer escapes.
#include "alloc.h"

int make(void **out) {
  return posix_memalign(out, 64, 256); // expected-remark {{allocation escapes to heap: stored by 'posix_memalign'}}
}
