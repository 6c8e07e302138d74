// Idioms from real code bases: systemd-style __attribute__((cleanup)) free,
// strsep over a strdup'd copy, allocation macros (two sites on one line),
// a local array of pointers sorted and freed in another order, a local
// struct holding a buffer, a struct copy that carries a pointer away.
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void freep(void *p) { free(*(void **)p); }
#define _cleanup_free_ __attribute__((cleanup(freep)))
#define NEW(T) ((T *)calloc(1, sizeof(T)))

struct span { char *buf; size_t len; };
struct holder { struct span s; int tag; };
static struct holder g_held;

static int count_commas(const char *s) {
  _cleanup_free_ char *copy = strdup(s);
  if (!copy) return -1;
  int n = 0;
  for (char *c = copy; *c; c++) n += *c == ',';
  return n;
}

static int early_exit(int k) {
  _cleanup_free_ char *a = malloc(32);
  snprintf(a, 32, "k=%d", k);
  if (k % 2) return (int)strlen(a);
  _cleanup_free_ int *b = malloc(sizeof *b * 4);
  b[0] = k;
  return b[0] + (int)strlen(a);
}

static int fields(const char *line) {
  char *copy = strdup(line), *rest = copy, *tok;
  int n = 0;
  while ((tok = strsep(&rest, ";")) != NULL) n += *tok != '\0';
  free(copy);
  return n;
}

static int pair_sum(int x) {
  int *a = NEW(int), *b = NEW(int);
  *a = x; *b = 2 * x;
  int r = *a + *b;
  free(a); free(b);
  return r;
}

static int cmp_pstr(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

static void sorted_words(void) {
  const char *src[] = {"pear", "apple", "fig", "kiwi", "banana", "cherry"};
  enum { N = sizeof src / sizeof *src };
  char **v = malloc(N * sizeof *v);
  for (int i = 0; i < N; i++) v[i] = strdup(src[i]);
  qsort(v, N, sizeof *v, cmp_pstr);
  for (int i = 0; i < N; i++) printf("%s%c", v[i], i + 1 < N ? ' ' : '\n');
  for (int i = 0; i < N; i++) free(v[i]);
  free(v);
}

static size_t span_local(const char *s) {
  struct span sp;
  sp.len = strlen(s);
  sp.buf = malloc(sp.len + 1);
  memcpy(sp.buf, s, sp.len + 1);
  size_t up = 0;
  for (size_t i = 0; i < sp.len; i++) up += sp.buf[i] >= 'A' && sp.buf[i] <= 'Z';
  free(sp.buf);
  return up;
}

static void span_keep(const char *s) {
  struct span sp = {malloc(strlen(s) + 1), strlen(s)};  // keep: copied into a global struct
  memcpy(sp.buf, s, sp.len + 1);
  struct holder h = {sp, 3};
  g_held = h;
}

int main(void) {
  printf("commas %d\n", count_commas("a,b,,c,d"));
  printf("early %d %d\n", early_exit(3), early_exit(4));
  printf("fields %d\n", fields("x;y;;z;"));
  printf("pair %d\n", pair_sum(21));
  sorted_words();
  printf("upper %zu\n", span_local("Hello World From C"));
  span_keep("kept text");
  printf("held %s %zu %d\n", g_held.s.buf, g_held.s.len, g_held.tag);
  free(g_held.s.buf);
  return 0;
}
