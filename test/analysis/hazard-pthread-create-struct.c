// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A struct handed to a new thread carries its pointers to the thread.
#include "alloc.h"

struct job { char *buf; };
static void *worker(void *arg) { (void)arg; return 0; }
void spawn(void) {
  pthread_t t;
  struct job j;
  j.buf = malloc(16); // expected-remark {{'j.buf' escapes to heap}}
  pthread_create(&t, 0, worker, &j);
}
