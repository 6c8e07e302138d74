// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A struct holding a character array and a pointer to a block: a helper
// that copies the array's bytes (strcpy, memcpy, or a function of its own
// that does) into memory that outlives its frame (a global, here) makes
// the block escape, though only the name's bytes are copied.  The analysis
// does not tell a struct's fields apart, and bytes copied out of a struct
// may carry its pointers (a whole struct copied with memcpy does; so do
// characters a byte loop filled with a pointer's bytes, which strcpy
// copies: hazard-string-copy-pointer-bytes.c), so the bytes read through
// `s->name` are taken for all of `*s`.  Reading the array in place
// (printing it) or copying it into the frame's own memory lets nothing
// escape.
#include "alloc.h"

struct student { char name[32]; int *scores; unsigned long n; };

static char last_name[32];

static void put(char *d, const char *s, size_t n) { memcpy(d, s, n); } // expected-remark {{leaking param content: 's' to '*d'}}

static long total(const struct student *s) { // expected-remark {{leaking param content: 's'}}
  long t = 0;
  for (unsigned long i = 0; i < s->n; i++)
    t += s->scores[i];
  strcpy(last_name, s->name);
  return t;
}

static long total_put(const struct student *s) { // expected-remark {{leaking param content: 's'}}
  put(last_name, s->name, sizeof last_name);
  return s->scores[0];
}

static void show(const struct student *s) { printf("%s: %lu\n", s->name, s->n); }

long grade(void) {
  struct student s;
  strcpy(s.name, "bob");
  s.n = 10;
  // BAD: stack; only s.name's bytes reach last_name.
  s.scores = malloc(10 * sizeof *s.scores); // expected-remark {{'s.scores' escapes to heap: content leaks through parameter 's' of 'total'}}
  for (unsigned long i = 0; i < s.n; i++)
    s.scores[i] = (int)i;
  show(&s);
  long t = total(&s);
  free(s.scores);
  return t;
}

long grade_put(void) {
  struct student s;
  strcpy(s.name, "eve");
  s.n = 1;
  // BAD: stack; only s.name's characters reach last_name.
  s.scores = malloc(sizeof *s.scores); // expected-remark {{'s.scores' escapes to heap: content leaks through parameter 's' of 'total_put'}}
  s.scores[0] = 7;
  long t = total_put(&s);
  free(s.scores);
  return t;
}

long grade_printed(void) {
  struct student s;
  strcpy(s.name, "ann");
  s.n = 4;
  s.scores = malloc(4 * sizeof *s.scores); // expected-remark {{allocation does not escape; would move to the stack}}
  for (unsigned long i = 0; i < s.n; i++)
    s.scores[i] = (int)(2 * i);
  show(&s);
  long t = s.scores[3];
  free(s.scores);
  return t;
}
