// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// posix_memalign's result stays on the heap even when it does not escape.
#include "alloc.h"

void aligned(void) {
  void *p;
  if (posix_memalign(&p, 64, 256)) // expected-remark {{allocation does not escape; stays on the heap: 'posix_memalign' results stay on the heap}}
    return;
  free(p);
}
