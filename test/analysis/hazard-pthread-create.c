// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// An argument handed to a new thread escapes, and so does a value set for a
// thread-specific key: both are retained (the remark said "passed to", as
// for a function the analysis cannot see).  The thread id, its attributes
// and pthread_join's result slot are only written or read.
#include "alloc.h"
#include "libc-extra.h"

static void *worker(void *arg) { return arg; } // expected-remark {{leaking param: 'arg' to result}}
void spawn(void) {
  pthread_t t;
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: retained by 'pthread_create'}}
  pthread_create(&t, 0, worker, p);
}

void *join_slot(void) {
  pthread_t *t = malloc(sizeof *t); // expected-remark {{allocation does not escape}}
  void **slot = malloc(sizeof *slot); // expected-remark {{allocation does not escape}}
  void *r = 0;
  if (pthread_create(t, 0, worker, 0) == 0 && pthread_join(*t, slot) == 0)
    r = *slot;
  free(t);
  free(slot);
  return r;
}

void set_specific(pthread_key_t k) {
  char *v = malloc(32); // expected-remark {{'v' escapes to heap: retained by 'pthread_setspecific'}}
  pthread_setspecific(k, v);
}
