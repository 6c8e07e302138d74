// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s
// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -O2 -D_FORTIFY_SOURCE=2 %s
// More of the C library's table: POSIX and GNU calls that fill or read the
// buffers they are given and keep none of them; getcwd and realpath return
// the buffer they filled; err, warn, error and syslog print as printf does.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <err.h>
#include <error.h>
#include <sched.h>
#include <search.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <termios.h>
#include <unistd.h>

char *g_dir;

static int same(const void *a, const void *b) { return *(const int *)a != *(const int *)b; }

long buffers(int fd, const char *path) {
  char *d = malloc(256);   // expected-remark {{allocation does not escape; would move to the stack}}
  char *r = malloc(4096);  // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *b = malloc(64);    // expected-remark {{allocation does not escape; would move to the stack}}
  char *c = malloc(64);    // expected-remark {{allocation does not escape; would move to the stack}}
  char *t = malloc(64);    // expected-remark {{allocation does not escape; would move to the stack}}
  struct termios *tio = malloc(sizeof *tio); // expected-remark {{allocation does not escape; would move to the stack}}
  cpu_set_t *set = malloc(sizeof *set);      // expected-remark {{allocation does not escape; would move to the stack}}
  struct in_addr *in = malloc(sizeof *in);   // expected-remark {{allocation does not escape; would move to the stack}}
  sigset_t *ss = malloc(sizeof *ss);         // expected-remark {{allocation does not escape; would move to the stack}}
  int *keys = malloc(8 * sizeof *keys);      // expected-remark {{allocation does not escape; would move to the stack}}
  long n = 0;
  if (getcwd(d, 256))
    n += strlen(d);
  if (realpath(path, r))
    n += strlen(r);
  n += pread(fd, b, 64, 0);
  n += (long)confstr(_CS_PATH, c, 64);
  n += ttyname_r(fd, t, 64);
  n += tcgetattr(fd, tio);
  n += sched_getaffinity(0, sizeof *set, set);
  n += inet_aton("127.0.0.1", in);
  sigemptyset(ss);
  n += sigismember(ss, SIGINT);
  for (int i = 0; i < 8; i++)
    keys[i] = i * 3;
  size_t nk = 8;
  int want = 9;
  int *hit = lfind(&want, keys, &nk, sizeof *keys, same);
  n += hit ? *hit : -1;
  free(keys);
  free(ss);
  free(in);
  free(set);
  free(tio);
  free(t);
  free(c);
  free(b);
  free(r);
  free(d);
  return n;
}

// What getcwd returns is the buffer it was given.
void keeps_cwd(void) {
  char *d = malloc(256); // expected-remark {{'d' escapes to heap: assigned to global 'g_dir'}}
  g_dir = getcwd(d, 256);
}

void messages(const char *name, int bad) {
  char *u = strdup(name); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *p = malloc(8);    // expected-remark {{'p' escapes to heap: retained by 'warnx'}}
  if (bad > 3)
    warnx("no such user: %s", u);
  if (bad > 2)
    warnx("at %p", (void *)p);
  if (bad > 1)
    error(0, 0, "user %s", u);
  syslog(LOG_INFO, "user %s", u);
  if (bad)
    err(1, "cannot open %s", u);
  free(p);
  free(u);
}

// error_at_line keeps its file name, to compare the next call's with when
// error_one_per_line is set: the name escapes, the message's arguments
// do not.
void located(const char *name, int line) {
  char *file = strdup("unit.c"); // expected-remark {{'file' escapes to heap: retained by 'error_at_line'}}
  char *u = strdup(name);    // expected-remark {{allocation does not escape; would move to the frame arena}}
  error_at_line(0, 0, file, line, "user %s", u);
  free(u);
}

// glob's error function may be NULL: no callback.  The pattern is only
// read; the glob_t gets the library's own blocks (GLOB_APPEND reallocates
// them, so what the program stores there stays on the heap).
#include <glob.h>
long globbing(int cpus) {
  char *pat = strdup("*.c"); // expected-remark {{allocation does not escape; would move to the frame arena}}
  glob_t *g = calloc(1, sizeof *g); // expected-remark {{allocation does not escape; would move to the stack}}
  cpu_set_t *set = malloc(sizeof *set); // expected-remark {{allocation does not escape; would move to the stack}}
  long n = glob(pat, 0, NULL, g) == 0 ? (long)g->gl_pathc : 0;
  globfree(g);
  CPU_ZERO(set);
  CPU_SET(cpus, set);
  n += CPU_COUNT(set);
  free(set);
  free(g);
  free(pat);
  return n;
}
