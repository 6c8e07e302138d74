// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// C11 thrd_create is a thread hand-off too.
#include "alloc.h"

typedef unsigned long thrd_t;
int thrd_create(thrd_t *, int (*)(void *), void *);
static int worker(void *arg) { (void)arg; return 0; }
void spawn(void) {
  thrd_t t;
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'thrd_create'}}
  thrd_create(&t, worker, p);
}
