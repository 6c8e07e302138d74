//===- cputime.c - Run a command and print its CPU time -------------------===//
//
// Runs one command, waits for it with wait4 and prints the CPU time it and
// its children used (user + system), its wall time and its peak RSS, so the
// analysis cost benchmark can compare compiles on a busy machine.
//
//===----------------------------------------------------------------------===//
//
// Usage: cputime OUTFILE COMMAND [ARGS...]
//
// Appends one line "cpu=<s> user=<s> sys=<s> wall=<s> rss_kb=<n>" to OUTFILE
// and exits with the command's status (128 + signal when it was killed,
// 127 when it could not be started).  The command's output is not touched.
// The CPU figures include the command's own children (clang's driver runs
// the compiler proper as a child).

#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(struct timeval tv) {
  return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cpu_status(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "cputime: error: usage: cputime OUTFILE COMMAND [ARGS...]\n");
    return 2;
  }
  FILE *out = fopen(argv[1], "a");
  if (!out) {
    fprintf(stderr, "cputime: error: cannot open '%s': %s\n", argv[1],
            strerror(errno));
    return 2;
  }
  double start = cpu_now();
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "cputime: error: fork: %s\n", strerror(errno));
    fclose(out);
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "cputime: error: cannot run '%s': %s\n", argv[2],
            strerror(errno));
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      fprintf(stderr, "cputime: error: wait4: %s\n", strerror(errno));
      fclose(out);
      return 2;
    }
  }
  double wall = cpu_now() - start;
  // Linux's wait4 adds the child's own reaped children to its figures.
  double user = cpu_seconds(ru.ru_utime), sys = cpu_seconds(ru.ru_stime);
  fprintf(out, "cpu=%.3f user=%.3f sys=%.3f wall=%.3f rss_kb=%ld\n",
          user + sys, user, sys, wall, ru.ru_maxrss);
  if (fclose(out) != 0) {
    fprintf(stderr, "cputime: error: cannot write '%s'\n", argv[1]);
    return 2;
  }
  return cpu_status(status);
}
