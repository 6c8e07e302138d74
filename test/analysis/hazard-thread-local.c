// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store to a thread-local escapes: the thread outlives the frame.
#include "alloc.h"

_Thread_local char *scratch;
void set(void) {
  scratch = malloc(16); // expected-remark {{'scratch' escapes to heap: assigned to global 'scratch'}}
}
