//===- benchrun.c - run one benchmark process and measure it ---------------===//
//
// Part of escape.  Runs a command with extra environment variables (the
// allocator's LD_PRELOAD) set only in the child, waits for it with wait4 and
// prints one line: `wall_s=<s> cpu_s=<user+sys s> maxrss_kb=<peak RSS>
// status=<exit>`.
// The line goes to stderr, or appended to the file given with -o.  With -c
// the child runs on that one CPU: on machines whose CPUs run at different
// speeds, runs pinned to one CPU compare programs, not CPUs.
// Usage: benchrun [-o FILE] [-c CPU] [-e NAME=VALUE]... -- COMMAND [ARG]...
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double benchrun_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int benchrun_usage(void) {
  fprintf(stderr, "benchrun: error: usage: benchrun [-o FILE] [-c CPU] [-e NAME=VALUE]... -- COMMAND [ARG]...\n");
  return 2;
}

int main(int argc, char **argv) {
  const char *out = NULL;
  int pin = -1;
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
      out = argv[++i];
    } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
      char *end;
      long v = strtol(argv[++i], &end, 10);
      if (*end || v < 0 || v >= CPU_SETSIZE) {
        fprintf(stderr, "benchrun: error: -c wants a CPU number, got '%s'\n", argv[i]);
        return 2;
      }
      pin = (int)v;
    } else if (strcmp(argv[i], "-e") == 0 && i + 1 < argc) {
      i++;  // applied in the child
    } else {
      return benchrun_usage();
    }
  }
  if (i + 1 >= argc) return benchrun_usage();
  double t0 = benchrun_now();
  pid_t pid = fork();
  if (pid < 0) {
    perror("benchrun: error: fork");
    return 1;
  }
  if (pid == 0) {
    for (int j = 1; j < i; j++)
      if (strcmp(argv[j], "-e") == 0) putenv(argv[++j]);
    if (pin >= 0) {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(pin, &set);
      if (sched_setaffinity(0, sizeof set, &set) != 0) {
        perror("benchrun: error: sched_setaffinity");
        _exit(127);
      }
    }
    execvp(argv[i + 1], argv + i + 1);
    perror("benchrun: error: exec");
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) {
    perror("benchrun: error: wait4");
    return 1;
  }
  double wall = benchrun_now() - t0;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE *f = out ? fopen(out, "a") : stderr;
  if (!f) {
    perror("benchrun: error: open output");
    return 1;
  }
  double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
  fprintf(f, "wall_s=%.4f cpu_s=%.4f maxrss_kb=%ld status=%d\n", wall, cpu, ru.ru_maxrss, code);
  if (out) fclose(f);
  return code;
}
