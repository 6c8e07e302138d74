// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 %s
// A robust mutex, once locked, is linked into the thread's robust list,
// which glibc and the kernel write through, until it is unlocked: a mutex
// locked and left locked when its function returns must outlive it.
#include <pthread.h>
#include <stdlib.h>

pthread_mutex_t *lock_new(void) {
  pthread_mutex_t *m = malloc(sizeof *m); // expected-remark {{escapes to heap}}
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(m, &a);
  return m;
}

void hold(void) {
  pthread_mutex_t *m = malloc(sizeof *m); // expected-remark {{'m' escapes to heap: retained by 'pthread_mutex_lock'}}
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(m, &a);
  pthread_mutex_lock(m);
}

int try_hold(void) {
  pthread_mutex_t *m = malloc(sizeof *m); // expected-remark {{'m' escapes to heap: retained by 'pthread_mutex_trylock'}}
  pthread_mutex_init(m, 0);
  return pthread_mutex_trylock(m);
}
