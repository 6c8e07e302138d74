// Static locals, globals and thread-locals next to allocations: a static
// cache that captures one block and not the next, a static pointer used
// only as scratch inside one call (still a static: it escapes), a
// `_Thread_local` cache, a global counter updated from a block that stays
// local, and a static array of pointers filled on first use.
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int g_calls;
static char *g_name;

static const char *cached_name(int n) {
  static char *cache;
  static int cached_n = -1;
  if (cached_n == n) return cache;
  free(cache);
  cache = malloc(32);  // keep: stored in a static local
  snprintf(cache, 32, "name-%d", n);
  cached_n = n;
  return cache;
}

// The static only holds the pointer during the call, but it is a static.
static int scratch_through_static(int n) {
  static int *scratch;
  scratch = malloc(sizeof(int) * 8);  // keep: stored in a static local
  for (int i = 0; i < 8; i++) scratch[i] = n * i;
  int s = scratch[7];
  free(scratch);
  scratch = NULL;
  return s;
}

static _Thread_local char *t_buf;
static _Thread_local size_t t_cap;

static char *tls_buffer(size_t need) {
  if (need > t_cap) {
    free(t_buf);
    t_buf = malloc(need);  // keep: stored in a thread-local
    t_cap = need;
  }
  return t_buf;
}

static int tls_use(int n) {
  char *b = tls_buffer((size_t)(16 + n % 5 * 16));
  return snprintf(b, 16, "t%d", n);
}

// Only the count goes to a global: the block stays local.
static int count_into_global(int n) {
  int *v = calloc((size_t)n, sizeof *v);
  for (int i = 0; i < n; i++) v[i] = i % 3 == 0;
  for (int i = 0; i < n; i++) g_calls += v[i];
  int last = v[n - 1];
  free(v);
  return last;
}

static const char *table_entry(int i) {
  static char *table[4];
  if (!table[0])
    for (int k = 0; k < 4; k++) {
      table[k] = malloc(8);  // keep: stored in a static array
      snprintf(table[k], 8, "e%d", k);
    }
  return table[i & 3];
}

// A local that shadows the global's name, then the global itself.
static int shadow(int n) {
  char *g_name_local = malloc(20);
  snprintf(g_name_local, 20, "shadow%d", n);
  int r = (int)strlen(g_name_local);
  free(g_name_local);
  free(g_name);
  g_name = strdup("global name");  // keep: stored in a global
  return r;
}

int main(void) {
  const char *a = cached_name(1), *b = cached_name(1);
  printf("cached %s %d\n", b, a == b);
  printf("cached %s\n", cached_name(2));
  int s = 0;
  for (int i = 0; i < 10; i++) s += scratch_through_static(i);
  printf("scratch %d\n", s);
  s = 0;
  for (int i = 0; i < 50; i++) s += tls_use(i);
  printf("tls %d cap %zu\n", s, t_cap);
  for (int i = 1; i <= 30; i++) count_into_global(i);
  printf("global count %d\n", g_calls);
  printf("table %s %s\n", table_entry(1), table_entry(6));
  printf("shadow %d %s\n", shadow(123), g_name);
  return 0;
}
