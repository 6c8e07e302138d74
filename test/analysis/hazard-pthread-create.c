// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An argument handed to a new thread escapes.
#include "alloc.h"

static void *worker(void *arg) { return arg; } // expected-remark {{leaking param: 'arg' to result}}
void spawn(void) {
  pthread_t t;
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'pthread_create'}}
  pthread_create(&t, 0, worker, p);
}
