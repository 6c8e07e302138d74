// Path utilities: split into components (an array of pointers into a strdup'd
// copy), normalize . and .., join, basename.  Kept: the normalized path.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *normalize(const char *path) {
  char *copy = strdup(path);
  size_t cap = strlen(path) / 2 + 2;
  char **parts = malloc(cap * sizeof *parts);
  size_t n = 0;
  for (char *tok = strtok(copy, "/"); tok; tok = strtok(NULL, "/")) {
    if (strcmp(tok, ".") == 0) continue;
    if (strcmp(tok, "..") == 0) { if (n) n--; continue; }
    parts[n++] = tok;
  }
  size_t len = 2;
  for (size_t i = 0; i < n; i++) len += strlen(parts[i]) + 1;
  char *out = malloc(len);  // keep: returned
  char *p = out;
  if (path[0] == '/') *p++ = '/';
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(parts[i]);
    memcpy(p, parts[i], l);
    p += l;
    if (i + 1 < n) *p++ = '/';
  }
  if (p == out) *p++ = '.';
  *p = '\0';
  free(parts);
  free(copy);
  return out;
}

static int depth(const char *path) {
  char *n = normalize(path);
  int d = 0;
  for (char *c = n; *c; c++) d += *c == '/';
  free(n);
  return d;
}

static void print_base(const char *path) {
  char *copy = strdup(path);
  char *slash = strrchr(copy, '/');
  char *dir = strndup(copy, slash ? (size_t)(slash - copy) : 0);
  printf("dir '%s' base '%s'\n", dir, slash ? slash + 1 : copy);
  free(dir);
  free(copy);
}

static char *path_join(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *tmp = malloc(la + lb + 2);
  memcpy(tmp, a, la);
  tmp[la] = '/';
  memcpy(tmp + la + 1, b, lb + 1);
  char *r = normalize(tmp);  // keep: returned
  free(tmp);
  return r;
}

int main(void) {
  const char *inputs[] = {"/usr/local/../lib/./x.so", "a/b/../../c", "./././", "/a//b///c/",
                          "../up/../down", "/", "rel/deep/er/path/file.txt"};
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    char *n = normalize(inputs[i]);
    printf("%-28s -> %-16s depth %d\n", inputs[i], n, depth(inputs[i]));
    print_base(n);
    free(n);
  }
  char *j = path_join("/srv/www", "../data/./file");
  printf("join %s\n", j);
  free(j);
  return 0;
}
