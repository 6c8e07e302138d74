//===- test-scavenger-signals.c - the background thread takes no signals ---===//
//
// Part of escape.  The runtime's background thread (started once more than
// 1 MiB of freed memory waits for release) blocks every signal, so a
// process-directed signal the program blocks reaches the program's own
// threads: here the main thread, which takes it with sigwait().  The
// thread blocked none, took the signal, and its default action (SIGUSR1:
// terminate) ended the process.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  CHECK_BODY("a signal the program blocks waits for the program's sigwait") {
    // Free 16 MiB so the background thread starts.
    enum { N = 1024, SIZE = 16384 };
    static void *p[N];
    for (int i = 0; i < N; i++) {
      p[i] = esc_malloc(SIZE);
      EXPECT(p[i] != NULL);
      if (p[i]) memset(p[i], 1, SIZE);
    }
    for (int i = 0; i < N; i++) esc_free(p[i]);
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    EXPECT(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    EXPECT(kill(getpid(), SIGUSR1) == 0);
    nanosleep(&ts, NULL);
    int sig = 0;
    EXPECT(sigwait(&set, &sig) == 0 && sig == SIGUSR1);
  }
  return test_summary();
}
