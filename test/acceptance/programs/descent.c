// A recursive-descent parser split over two files: parse_list (here) and
// parse_item (descent.lib.c) call each other, so neither file sees the
// cycle.  Input nesting 40000 deep; each level keeps a small name buffer.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long parse_item(const char **s, int depth);

long parse_list(const char **s, int depth) {
  char *name = malloc(200);
  snprintf(name, 200, "list@%d", depth);
  long sum = 0;
  (*s)++; /* '(' */
  while (**s && **s != ')') sum += parse_item(s, depth + 1);
  if (**s) (*s)++;
  sum += (long)strlen(name) % 3;
  free(name);
  return sum;
}

int main(void) {
  enum { DEPTH = 40000 };
  char *text = malloc(2 * DEPTH + 8);  // keep: passed to another file
  size_t n = 0;
  for (int i = 0; i < DEPTH; i++) text[n++] = '(';
  text[n++] = '7';
  for (int i = 0; i < DEPTH; i++) text[n++] = ')';
  text[n] = '\0';
  const char *p = text;
  printf("parsed %ld, rest '%s'\n", parse_list(&p, 0), p);
  free(text);
  return 0;
}
