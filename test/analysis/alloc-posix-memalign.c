// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=arena -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// posix_memalign returns its block through a pointer: a block that does not
// escape goes to the frame arena (esc_frame_posix_memalign), never the
// stack; one that escapes stays on the heap.
#include "alloc.h"

void *kept;

void aligned(void) {
  void *p;
  if (posix_memalign(&p, 64, 256)) // expected-remark {{allocation does not escape; stays on the heap: 'posix_memalign' returns its block through a pointer; the frame arena is off (-fplugin-arg-escape-arena=1)}} arena-remark {{allocation does not escape; would move to the frame arena}}
    return;
  free(p);
}

void escaping(void) {
  void *p;
  if (posix_memalign(&p, 64, 256) == 0) // expected-remark {{allocation escapes to heap: assigned to global 'kept'}} arena-remark {{allocation escapes to heap: assigned to global 'kept'}}
    kept = p;
}
