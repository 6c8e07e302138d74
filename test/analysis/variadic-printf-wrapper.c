// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s
// RUN: %escape -fsyntax-only -Xclang -verify=fortify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -O2 -D_FORTIFY_SOURCE=2 -DFORTIFY %s
// A logging wrapper that hands its va_list to vfprintf and kin prints its
// variadic arguments: with a literal format of its own, or with the format
// parameter its callers give, which each call checks as printf's is (only
// numbers, characters and strings printed: the arguments stay local).  A
// wrapper whose format is written, or one that hands the va_list to
// anything else, lets them escape as before.  One that prints into memory
// (vsnprintf) copies a `%s` argument's characters there, which may be a
// pointer's bytes: what they hold escapes.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

static void logmsg(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
}

static void tagged(int level, const char *fmt, ...) {
  char line[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  fprintf(stderr, "[%d] %s\n", level, line);
}

static void pair(int n, ...) {
  va_list ap;
  va_start(ap, n);
  vprintf("%s %s\n", ap);
  va_end(ap);
}

static void leaky_pair(int n, ...) {
  va_list ap;
  va_start(ap, n);
  vprintf("%s %p\n", ap);
  va_end(ap);
}

static void to_syslog(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog(LOG_INFO, fmt, ap);
  va_end(ap);
}

// Its format is changed before use: what it prints is not what the caller
// checked.
static void skips(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fmt += 1;
  vprintf(fmt, ap);
  va_end(ap);
}

// Two formats: neither is the one parameter the callers check.
static void two(const char *a, const char *b, ...) {
  va_list ap, cp;
  va_start(ap, b);
  va_copy(cp, ap);
  vprintf(a, ap);
  vprintf(b, cp);
  va_end(cp);
  va_end(ap);
}

#ifndef FORTIFY
void wrappers(const char *name, int level) {
  char *u = strdup(name); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *p = malloc(16);   // expected-remark {{'p' escapes to heap: printed by 'logmsg' with a format that may keep it}}
  char *w = malloc(16);   // expected-remark {{allocation does not escape; would move to the stack}}
  char *x = malloc(16);   // expected-remark {{allocation does not escape; would move to the stack}}
  char *y = malloc(16);   // expected-remark {{'y' escapes to heap: passed to 'leaky_pair'}}
  char *s = malloc(16);   // expected-remark {{allocation does not escape; would move to the stack}}
  char *k = malloc(16);   // expected-remark {{'k' escapes to heap: passed to 'skips'}}
  char *t = malloc(16);   // expected-remark {{'t' escapes to heap: passed to 'two'}}
  char *f = malloc(16);   // expected-remark {{'f' escapes to heap: printed by 'logmsg' with a format that may keep it}}
  char *b = malloc(16);   // expected-remark {{'b' escapes to heap: copied as characters by 'tagged' into memory it prints to}}
  strcpy(p, "p");
  strcpy(w, "w");
  strcpy(x, "x");
  strcpy(y, "y");
  strcpy(s, "s");
  strcpy(k, "k");
  strcpy(t, "t");
  strcpy(f, "f");
  logmsg("user=%s\n", u);
  logmsg("at %p\n", (void *)p);
  tagged(level, "w=%s", w);
  pair(2, x, x);
  leaky_pair(2, y, y);
  to_syslog("s=%s", s);
  skips("%s\n", k);
  two("%s\n", "%s\n", t);
  logmsg(level ? "%s\n" : "%s!\n", f);
  logmsg(name, f); // a format of unknown text
  tagged(level, "b=%.8s", (char *)&b); // the pointer's bytes
  free(b);
  free(f);
  free(t);
  free(k);
  free(s);
  free(y);
  free(x);
  free(w);
  free(p);
  free(u);
}
#else
// With _FORTIFY_SOURCE, vfprintf and vsnprintf are glibc's inline
// wrappers of __vfprintf_chk and __vsnprintf_chk.
void fortified(const char *name, int level) {
  char *u = strdup(name); // fortify-remark {{allocation does not escape; would move to the frame arena}}
  char *w = malloc(16);   // fortify-remark {{allocation does not escape; would move to the stack}}
  strcpy(w, "w");
  logmsg("user=%s\n", u);
  tagged(level, "w=%s", w);
  printf("%zu\n", strlen(u) + strlen(w));
  free(w);
  free(u);
}
#endif
