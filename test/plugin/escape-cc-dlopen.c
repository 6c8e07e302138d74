// REQUIRES: escape-cc
// RUN: %escape_cc -O2 -shared -fPIC -DLIB %s -o %t.so
// RUN: %clang -O2 %s -o %t.host -lpthread -ldl
// RUN: %t.host %t.so | FileCheck %s
// A shared library built with escape-cc, whose functions use the frame
// arena, loads with dlopen() into a program built without it, and works
// from several threads.  The runtime linked into it keeps its thread-local
// data in dynamic TLS: its initial-exec block (5.9 KiB) failed to load,
// "cannot allocate memory in static TLS block".
// CHECK: main: 13
// CHECK: thread: 13
// CHECK: main again: 26
#ifdef LIB
#include <stdlib.h>
#include <string.h>

int count_letters(const char *s, char c) {
  size_t n = strlen(s);
  char *copy = malloc(n + 1); // dynamic size: the frame arena
  memcpy(copy, s, n + 1);
  int k = 0;
  for (size_t i = 0; i < n; i++) k += copy[i] == c;
  free(copy);
  return k;
}
#else
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static int (*count)(const char *, char);
static const char *text = "a banana, a papaya, a mango and a pear";

static void *worker(void *arg) {
  (void)arg;
  printf("thread: %d\n", count(text, 'a'));
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  count = (int (*)(const char *, char))dlsym(h, "count_letters");
  if (!count) return 1;
  printf("main: %d\n", count(text, 'a'));
  fflush(stdout);
  pthread_t t;
  if (pthread_create(&t, NULL, worker, NULL) != 0) return 1;
  pthread_join(t, NULL);
  printf("main again: %d\n", count(text, 'a') + count(text, 'a'));
  return 0;
}
#endif
