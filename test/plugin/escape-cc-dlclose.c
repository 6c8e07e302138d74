// REQUIRES: escape-cc
// RUN: %escape_cc -O2 -shared -fPIC -DLIB %s -o %t.so -fplugin-arg-escape-m=1 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %clang -O2 %s -o %t -ldl -lpthread
// RUN: %t %t.so 600 | FileCheck %s
// A shared library built with escape-cc can be unloaded.  Its copy of the
// frame arena registered a thread-exit destructor in its own code, so a
// thread that used the library and exited after the dlclose called unmapped
// code (SIGSEGV), and each load and unload left two thread keys and a heap
// segment behind: 512 cycles took every key of the process.
// REMARK: moved to the frame arena
// CHECK: thread returned 1
// CHECK-NEXT: keys lost: 0
// CHECK-NEXT: own key: ok
#ifdef LIB
#include <stdlib.h>
#include <string.h>

int work(int n) {
  char *p = malloc((size_t)n); // dynamic size: the frame arena
  memset(p, 1, (size_t)n);
  int r = p[n - 1];
  free(p);
  return r;
}
#else
#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>

static int (*work)(int);
static sem_t used, unloaded;

static void *worker(void *arg) {
  (void)arg;
  long r = work(100);
  sem_post(&used);
  sem_wait(&unloaded); // exits after the library is gone
  return (void *)r;
}

static int keys_free(void) {
  static pthread_key_t k[1100];
  int n = 0;
  while (n < 1100 && pthread_key_create(&k[n], NULL) == 0) n++;
  for (int i = 0; i < n; i++) pthread_key_delete(k[i]);
  return n;
}

static int (*load(const char *path, void **h))(int) {
  *h = dlopen(path, RTLD_NOW);
  if (!*h) {
    printf("dlopen: %s\n", dlerror());
    exit(1);
  }
  return (int (*)(int))dlsym(*h, "work");
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  void *h;
  sem_init(&used, 0, 0);
  sem_init(&unloaded, 0, 0);
  work = load(argv[1], &h);
  pthread_t t;
  void *r;
  pthread_create(&t, NULL, worker, NULL);
  sem_wait(&used);
  dlclose(h);
  sem_post(&unloaded);
  pthread_join(t, &r);
  printf("thread returned %ld\n", (long)r);

  int before = keys_free(), cycles = atoi(argv[2]);
  for (int i = 0; i < cycles; i++) {
    work = load(argv[1], &h);
    work(100);
    dlclose(h);
  }
  printf("keys lost: %d\n", before - keys_free());
  pthread_key_t k;
  printf("own key: %s\n", pthread_key_create(&k, NULL) == 0 ? "ok" : "failed");
  return 0;
}
#endif
