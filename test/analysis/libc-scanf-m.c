// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// scanf's variadic arguments are only written, unless the format may
// allocate: with the m modifier (%ms, %m[) or GNU's %as scanf stores a
// block of its own through the argument, so what the argument pointed to
// before is not all that a later free may release: the first block still
// moves, and the free stays for scanf's (test/rewriter/accept2-scanf-m-modifier.c
// checks the program frees every word).
#include "alloc.h"

int sscanf(const char *, const char *, ...);

static int reads_into_buffer(const char *line) {
  char *word = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  int n = 0;
  int got = sscanf(line, "%d %31s", &n, word);
  int r = got == 2 ? n + word[0] : 0;
  free(word);
  return r;
}

static int allocates_through(const char *line) {
  char *word = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  word[0] = 0;
  int got = sscanf(line, "%ms", &word);
  int r = got == 1 ? word[0] : 0;
  free(word);
  return r;
}

static int format_not_literal(const char *line, const char *fmt) {
  char *word = malloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  word[0] = 0;
  int got = sscanf(line, fmt, &word);
  int r = got == 1 ? word[0] : 0;
  free(word);
  return r;
}

int main(void) {
  return reads_into_buffer("1 a") + allocates_through("b") + format_not_literal("c", "%ms");
}
