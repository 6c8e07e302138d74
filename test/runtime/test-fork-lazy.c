//===- test-fork-lazy.c - fork handlers only once a second thread allocates ===//
//
// Part of escape.  A process whose only allocating thread is the main one
// needs no fork handlers (no other thread can hold an allocator lock when it
// forks), and registering them maps C-library pages it would not touch
// otherwise.  The runtime registers them when a second thread makes its
// cache or its background thread starts.  This test interposes
// pthread_atfork to count the registrations: none while one thread
// allocates, one once the background thread runs, no more for a second
// allocating thread, and children forked at every stage allocate in every
// tier.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "testhelper.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef int register_atfork_fn(void (*)(void), void (*)(void), void (*)(void), void *);

static atomic_int registrations;

// The static runtime's call resolves here, ahead of the C library's.
int __register_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void),
                      void *dso_handle) {
  static register_atfork_fn *libc_register;
  if (!libc_register) libc_register = (register_atfork_fn *)dlsym(RTLD_NEXT, "__register_atfork");
  atomic_fetch_add(&registrations, 1);
  return libc_register(prepare, parent, child, dso_handle);
}

// churn keeps 32 blocks of up to max bytes and replaces one per step.
static void churn(int n, size_t max) {
  void *v[32] = {0};
  for (int i = 0; i < n; i++) {
    free(v[i % 32]);
    v[i % 32] = malloc((size_t)(i * 131) % max + 1);
  }
  for (int k = 0; k < 32; k++) free(v[k]);
}

static int fork_and_allocate(void) {
  pid_t pid = fork();
  if (pid == 0) {
    churn(2000, 70000);
    void *huge = malloc(5u << 20);
    _exit(huge ? 0 : 3);
  }
  int status = -1;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static atomic_int stop;

// worker allocates blocks of up to (size_t)arg bytes until told to stop,
// and at least once.
static void *worker(void *arg) {
  do churn(64, (size_t)(uintptr_t)arg);
  while (!atomic_load(&stop));
  return NULL;
}

int main(void) {
  // Small blocks only: freeing megabytes of large ones starts the
  // background thread, which registers the handlers as a second thread.
  CHECK_BODY("one allocating thread registers no fork handlers") {
    churn(100000, 16384);
    EXPECT(atomic_load(&registrations) == 0);
  }
  CHECK_BODY("a child forked by a single-threaded process allocates") {
    EXPECT(fork_and_allocate() == 0);
    EXPECT(atomic_load(&registrations) == 0);
  }
  CHECK_BODY("a second allocating thread registers the handlers") {
    // In a child, which starts from this single-threaded state.
    pid_t pid = fork();
    if (pid == 0) {
      pthread_t t;
      if (pthread_create(&t, NULL, worker, (void *)(uintptr_t)16384) != 0) _exit(4);
      usleep(20000);
      atomic_store(&stop, 1);
      pthread_join(t, NULL);
      _exit(atomic_load(&registrations) == 1 ? 0 : 5);
    }
    int status = -1;
    EXPECT(pid > 0 && waitpid(pid, &status, 0) == pid);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  CHECK_BODY("starting the background thread registers the handlers") {
    // Megabytes of freed large blocks wait to be released: the runtime
    // starts its background thread, a second thread taking its locks.
    for (int round = 0; round < 4 && atomic_load(&registrations) == 0; round++) {
      void *big[16];
      for (int i = 0; i < 16; i++) big[i] = malloc(256 * 1024);
      for (int i = 0; i < 16; i++) free(big[i]);
      churn(1000, 16384);
    }
    EXPECT(atomic_load(&registrations) == 1);
    EXPECT(fork_and_allocate() == 0);
  }
  pthread_t t;
  CHECK_BODY("a second allocating thread registers no more handlers") {
    EXPECT(pthread_create(&t, NULL, worker, (void *)(uintptr_t)70000) == 0);
    usleep(20000);
    EXPECT(atomic_load(&registrations) == 1);
  }
  CHECK_BODY("children forked while another thread allocates run") {
    for (int i = 0; i < 50; i++) EXPECT(fork_and_allocate() == 0);
  }
  atomic_store(&stop, 1);
  pthread_join(t, NULL);
  CHECK_BODY("no further registration") {
    pthread_create(&t, NULL, worker, (void *)(uintptr_t)70000);
    atomic_store(&stop, 1);
    pthread_join(t, NULL);
    EXPECT(atomic_load(&registrations) == 1);
  }
  return test_summary();
}
