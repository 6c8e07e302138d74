//===- test-fork.c - fork while other threads allocate --------------------===//
//
// Part of escape.  Two threads keep allocating and freeing (taking the
// central and page heap locks) while the main thread forks repeatedly; each
// child allocates in every tier, frees, starts a thread and exits.  Without
// the fork handlers a child inherits a held lock and hangs (ctest's timeout
// then fails the test).
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static atomic_int stop;

static void *churn(void *arg) {
  size_t base = (size_t)(uintptr_t)arg;
  void *v[64] = {0};
  for (unsigned i = 0; !atomic_load(&stop); i++) {
    unsigned k = i % 64;
    free(v[k]);
    v[k] = malloc(base + (i * 37) % 70000);
  }
  for (int k = 0; k < 64; k++) free(v[k]);
  return NULL;
}

static void *child_thread(void *arg) {
  void *p = malloc(100);
  free(p);
  return arg;
}

static int child_main(void) {
  void *v[100];
  for (int i = 0; i < 100; i++) {
    v[i] = malloc((size_t)i * 997 + 1);
    if (!v[i]) return 2;
    memset(v[i], i, (size_t)i * 997 + 1);
  }
  void *huge = malloc(3u << 20);
  if (!huge) return 3;
  for (int i = 0; i < 100; i++) free(v[i]);
  free(huge);
  pthread_t t;
  if (pthread_create(&t, NULL, child_thread, NULL) != 0) return 4;
  pthread_join(t, NULL);
  return 0;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, churn, (void *)(uintptr_t)16);
  pthread_create(&b, NULL, churn, (void *)(uintptr_t)40000);
  CHECK_BODY("children forked amid allocation run and exit cleanly") {
    for (int i = 0; i < 100; i++) {
      pid_t pid = fork();
      if (pid == 0) _exit(child_main());
      int status = -1;
      EXPECT(pid > 0 && waitpid(pid, &status, 0) == pid);
      EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) break;
    }
  }
  atomic_store(&stop, 1);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  CHECK_BODY("the parent keeps allocating after the forks") {
    void *p = malloc(12345);
    EXPECT(p != NULL);
    free(p);
  }
  return test_summary();
}
