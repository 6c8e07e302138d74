//===- test-profile-fork.c - a forked child's heap profile, a bad path ------===//
//
// Part of escape.  With ESCAPE_RT_PROFILE=PATH a forked child writes its
// profile to PATH.PID: it wrote PATH with O_TRUNC, and its parent wrote over
// it at its own exit, so the child's profile was lost.  A profile that
// cannot be written is reported with its path and the reason (the message
// named neither).  The test runs itself again with the options set.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "testhelper.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int profiled(void) {  // the process run with ESCAPE_RT_PROFILE
  void *p = malloc(1 << 20);
  memset(p, 1, 64);
  pid_t pid = fork();
  if (pid == 0) {
    void *q = malloc(1 << 20);
    memset(q, 2, 64);
    printf("%d\n", (int)getpid());
    fflush(stdout);
    exit(0);  // writes PATH.PID
  }
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}

static int run(const char *self, const char *profile, char *out, size_t cap, int fd_out) {
  int fd[2];
  if (pipe(fd) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], fd_out);
    close(fd[0]);
    close(fd[1]);
    setenv("ESCAPE_RT_PROFILE", profile, 1);
    setenv("ESCAPE_RT_PROFILE_RATE", "4096", 1);
    execl(self, self, "profiled", (char *)NULL);
    _exit(127);
  }
  close(fd[1]);
  size_t n = 0;
  ssize_t k;
  while (n < cap - 1 && (k = read(fd[0], out + n, cap - 1 - n)) > 0) n += (size_t)k;
  out[n] = 0;
  close(fd[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int is_profile(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  char line[128] = "";
  int ok = fgets(line, sizeof line, f) && strncmp(line, "heap profile:", 13) == 0;
  fclose(f);
  return ok;
}

int main(int argc, char **argv) {
  if (argc > 1) return profiled();
  char out[4096];
  char path[] = "/tmp/escape-profile-fork-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  CHECK_BODY("a forked child writes PATH.PID, its parent PATH") {
    EXPECT(run(argv[0], path, out, sizeof out, 1) == 0);
    int child = atoi(out);
    EXPECT(child > 0);
    char cpath[sizeof path + 24];
    snprintf(cpath, sizeof cpath, "%s.%d", path, child);
    EXPECT(is_profile(path));
    EXPECT(is_profile(cpath));
    unlink(cpath);
  }
  unlink(path);
  CHECK_BODY("a profile that cannot be written is reported with its path and reason") {
    const char *bad = "/nonexistent-escape-dir/x.heap";
    EXPECT(run(argv[0], bad, out, sizeof out, 2) == 0);
    EXPECT(strstr(out, "cannot write the heap profile /nonexistent-escape-dir/x.heap: "
                       "No such file or directory") != NULL);
  }
  return test_summary();
}
