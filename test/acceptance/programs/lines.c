// Line-oriented parsing from an in-memory stream: getline grows its buffer,
// a config parser keeps key/value strings in a caller-owned array, line
// copies and trimmed views stay local.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kv { char *key; char *value; };

static const char text[] =
    "# sample config\n"
    "name = escape\n"
    "  threads=4\n"
    "\n"
    "path = /usr/lib/llvm-19   \n"
    "invalid line\n"
    "level=  debug\n";

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t')) *--e = '\0';
  return s;
}

static int parse_line(const char *line, struct kv *out) {
  char *copy = strdup(line);
  char *t = trim(copy);
  char *eq = strchr(t, '=');
  if (t[0] == '#' || t[0] == '\0' || !eq) {
    free(copy);
    return 0;
  }
  *eq = '\0';
  out->key = strdup(trim(t));  // keep: stored through out-parameter
  out->value = strdup(trim(eq + 1));  // keep: stored through out-parameter
  free(copy);
  return 1;
}

static int count_lines(void) {
  FILE *f = fmemopen((void *)text, sizeof text - 1, "r");  // keep: a FILE stream
  char *line = NULL;
  size_t cap = 0;
  int n = 0;
  while (getline(&line, &cap, f) != -1) n++;
  free(line);
  fclose(f);
  return n;
}

static size_t load(struct kv *items, size_t max) {
  FILE *f = fmemopen((void *)text, sizeof text - 1, "r");  // keep: a FILE stream
  char *line = malloc(8);
  size_t cap = 8, n = 0;
  while (n < max && getline(&line, &cap, f) != -1) n += (size_t)parse_line(line, &items[n]);
  free(line);
  fclose(f);
  return n;
}

static int longest_value(const struct kv *items, size_t n) {
  char *buf = malloc(128);
  int best = 0;
  for (size_t i = 0; i < n; i++) {
    int l = snprintf(buf, 128, "%s:%s", items[i].key, items[i].value);
    if (l > best) best = l;
  }
  free(buf);
  return best;
}

int main(void) {
  printf("lines %d\n", count_lines());
  struct kv *items = calloc(16, sizeof *items);
  size_t n = load(items, 16);
  for (size_t i = 0; i < n; i++) printf("[%s] = [%s]\n", items[i].key, items[i].value);
  printf("longest %d\n", longest_value(items, n));
  for (size_t i = 0; i < n; i++) { free(items[i].key); free(items[i].value); }
  free(items);
  return 0;
}
