// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs -DOTHER_FILE -c %s -o %t.other.o
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s %t.other.o -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %t.other.o %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A recursive-descent parser split over two translation units: parse_list
// (this file) and parse_item (the same file built with -DOTHER_FILE) call
// each other, so no unit sees the cycle.  parse_list's 200-byte buffer is
// moved to the stack, and a nesting that fits in a 1 MiB stack as plain code
// (under half of it) overflows it.
// (Found by test/acceptance/programs/descent.c.)
#include "alloc.h"

long parse_list(const char **s, int depth);
long parse_item(const char **s, int depth);

#ifdef OTHER_FILE
long parse_item(const char **s, int depth) {
  if (**s == '(') return parse_list(s, depth);
  long v = 0;
  while (**s >= '0' && **s <= '9') v = v * 10 + (*(*s)++ - '0');
  return v;
}
#else
int snprintf(char *buf, size_t n, const char *fmt, ...);
struct rlimit { unsigned long cur, max; };
int setrlimit(int resource, const struct rlimit *rl);

long parse_list(const char **s, int depth) {
  char *name = malloc(200);
  snprintf(name, 200, "list@%d", depth);
  long sum = 0;
  (*s)++;
  while (**s && **s != ')') sum += parse_item(s, depth + 1);
  if (**s) (*s)++;
  sum += (long)strlen(name) % 3;
  free(name);
  return sum;
}

enum { DEPTH = 5000 };
static char text[2 * DEPTH + 2];

int main(void) {
  struct rlimit rl = {1 << 20, 1 << 20};
  if (setrlimit(3 /* RLIMIT_STACK */, &rl) != 0) return 2;
  size_t n = 0;
  for (int i = 0; i < DEPTH; i++) text[n++] = '(';
  text[n++] = '7';
  for (int i = 0; i < DEPTH; i++) text[n++] = ')';
  const char *p = text;
  printf("parsed %ld rest '%s'\n", parse_list(&p, 0), p);
  return 0;
}
#endif
