// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A string copy (strcpy, strcat, strncpy, stpcpy, ...) reads characters up
// to a NUL.  Memory declared as characters holds none of the pointers of
// the struct around it, so copying a character-array member out of a
// struct that also points to a block does not make the block escape; nor
// does a string a `char *` member points to.  A source whose declared type
// may hold a pointer (`(char *)&h`) still copies its pointers' bytes.
#include "alloc.h"

char *strncpy(char *, const char *, size_t);
char *stpcpy(char *, const char *);

struct student { char name[32]; int *scores; unsigned long n; char *nick; };

static char last_name[32], last_nick[32], all_names[256];
static char *kept;

static long total(const struct student *s) {
  long t = 0;
  for (unsigned long i = 0; i < s->n; i++)
    t += s->scores[i];
  strcpy(last_name, s->name);
  strncpy(last_nick, s->nick, sizeof last_nick - 1);
  strcat(all_names, s->name);
  stpcpy(all_names + strlen(all_names), s->nick);
  return t;
}

long grade(void) {
  struct student s;
  strcpy(s.name, "bob");
  s.n = 10;
  s.scores = malloc(10 * sizeof *s.scores); // expected-remark {{allocation does not escape; would move to the stack}}
  s.nick = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(s.nick, "b");
  for (unsigned long i = 0; i < s.n; i++)
    s.scores[i] = (int)i;
  long t = total(&s);
  free(s.nick);
  free(s.scores);
  return t;
}

struct holder { int *p; };

void copy_holder_bytes(void) {
  struct holder h;
  h.p = malloc(16); // expected-remark {{'h.p' escapes to heap: copied by 'strcpy'}}
  strcpy((char *)&kept, (const char *)&h);
  free(h.p);
}
