//===- test-options.c - ESCAPE_RT_* values the runtime cannot use ----------===//
//
// Part of escape.  An option set to something that is not a number (with an
// optional k, m or g suffix), does not fit in 63 bits, or is negative where
// only sizes make sense, is reported on stderr with its value, and the
// default stays.  Numbers past 2^63 wrapped around (ESCAPE_RT_STATS=
// 18446744073709551617 printed the statistics, a huge ESCAPE_RT_FREE_KEEP
// became some other size) and negative sizes were dropped in silence; the
// frame arena's two options took any garbage without a word.
// The test runs itself again with each setting and reads the child's stderr.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char out[8192];

// run_child runs this program as a child with `setting` in its environment
// and keeps what it wrote to stderr in `out`; returns its exit status.
static int run_child(const char *self, const char *setting) {
  int fd[2];
  if (pipe(fd) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], 2);
    close(fd[0]);
    close(fd[1]);
    char *env[] = {(char *)setting, NULL};
    execle(self, self, "child", (char *)NULL, env);
    _exit(127);
  }
  close(fd[1]);
  size_t n = 0;
  ssize_t k;
  while (n < sizeof out - 1 && (k = read(fd[0], out + n, sizeof out - 1 - n)) > 0) n += (size_t)k;
  out[n] = 0;
  close(fd[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int reported(const char *setting) { return strstr(out, setting) && strstr(out, "default is used"); }

int main(int argc, char **argv) {
  if (argc > 1) {  // the child: initialise the allocator and the frame arena
    void *p = esc_malloc(100);
    esc_frame_mark_t m = esc_frame_enter();
    void *q = esc_frame_alloc(5000);
    esc_frame_free(q);
    esc_frame_leave(m);
    esc_free(p);
    return p && q ? 0 : 1;
  }
  const char *self = argv[0];
  CHECK_BODY("values past 63 bits, negative sizes and garbage are reported and ignored") {
    static const char *bad[] = {
        "ESCAPE_RT_FREE_KEEP=99999999999999999999",  "ESCAPE_RT_CACHE_BYTES=-1",
        "ESCAPE_RT_STATS=18446744073709551617",      "ESCAPE_RT_TRANSFER_BYTES=9999999999g",
        "ESCAPE_RT_PROFILE_RATE=0",                  "ESCAPE_RT_RELEASE_DELAY=1x",
        "ESCAPE_RT_ARENA_CAP=abc",                   "ESCAPE_RT_ARENA_CAP=-1",
        "ESCAPE_RT_ARENA_POISON=yes",                "ESCAPE_RT_FREE_KEEP=1kbb",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
      EXPECT(run_child(self, bad[i]) == 0);
      EXPECT(reported(bad[i]));
      if (!reported(bad[i])) fprintf(stderr, "  %s: child wrote \"%s\"\n", bad[i], out);
    }
    // The default of ESCAPE_RT_STATS (0) stayed: no statistics.
    run_child(self, "ESCAPE_RT_STATS=18446744073709551618");
    EXPECT(strstr(out, "escape-rt statistics") == NULL);
  }
  CHECK_BODY("good values say nothing") {
    static const char *good[] = {
        "ESCAPE_RT_FREE_KEEP=1m",    "ESCAPE_RT_RELEASE_DELAY=-1", "ESCAPE_RT_CACHE_BYTES=16KB",
        "ESCAPE_RT_ARENA_CAP=4k",    "ESCAPE_RT_ARENA_POISON=1",   "ESCAPE_RT_TRANSFER_BATCHES=0",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
      EXPECT(run_child(self, good[i]) == 0);
      EXPECT(out[0] == 0);
    }
  }
  return test_summary();
}
