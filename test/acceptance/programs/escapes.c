// Escaping cases: returned pointers, globals, lists the caller owns, a
// function of another file (declared only), out-parameters.  Each function
// also has a scratch object that never leaves it.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Defined in escapes.lib.c: keeps the pointer in its own table. */
void registry_add(const char *name, int *value);
int registry_sum(void);
void registry_clear(void);

struct item { int id; char tag[8]; struct item *next; };

static struct item *g_cache;
static int *g_last;

static struct item *make_item(int id) {
  char *scratch = malloc(32);
  snprintf(scratch, 32, "it%03d", id);
  struct item *it = malloc(sizeof *it);  // keep: returned
  it->id = id;
  memcpy(it->tag, scratch, 6);
  it->tag[6] = '\0';
  it->next = NULL;
  free(scratch);
  return it;
}

static void remember(int v) {
  int *tmp = malloc(sizeof *tmp * 4);
  for (int i = 0; i < 4; i++) tmp[i] = v + i;
  int *keep = malloc(sizeof *keep);  // keep: stored in a global
  *keep = tmp[0] + tmp[3];
  free(g_last);
  g_last = keep;
  free(tmp);
}

static void cache_push(int id) {
  struct item *it = make_item(id);  // keep: linked into a global list
  it->next = g_cache;
  g_cache = it;
}

static void append(struct item **tail, int id) {
  int *probe = calloc(2, sizeof *probe);
  probe[0] = id * 2;
  struct item *it = malloc(sizeof *it);  // keep: linked into the caller's list
  it->id = probe[0];
  snprintf(it->tag, sizeof it->tag, "a%d", id);
  it->next = NULL;
  (*tail)->next = it;
  *tail = it;
  free(probe);
}

static int new_counter(int start, int **out) {
  int *local = malloc(sizeof *local);
  *local = start;
  int *c = malloc(sizeof *c);  // keep: stored through out-parameter
  *c = *local * 10;
  *out = c;
  free(local);
  return 0;
}

static void register_value(const char *name, int v) {
  char *label = malloc(16);
  snprintf(label, 16, "%s!", name);
  int *p = malloc(sizeof *p);  // keep: passed to another file
  *p = v + (int)strlen(label);
  registry_add(name, p);
  free(label);
}

int main(void) {
  struct item *own = make_item(1);
  printf("own %d %s\n", own->id, own->tag);
  for (int i = 0; i < 5; i++) remember(i * 7);
  printf("last %d\n", *g_last);
  for (int i = 2; i < 6; i++) cache_push(i);
  struct item *tail = own;
  for (int i = 0; i < 4; i++) append(&tail, i);
  for (struct item *it = own; it; it = it->next) printf("list %d %s\n", it->id, it->tag);
  for (struct item *it = g_cache; it; it = it->next) printf("cache %d %s\n", it->id, it->tag);
  int *ctr = NULL;
  new_counter(4, &ctr);
  printf("counter %d\n", *ctr);
  register_value("x", 1);
  register_value("yy", 2);
  printf("registry %d\n", registry_sum());
  registry_clear();
  free(ctr);
  while (own) { struct item *n = own->next; free(own); own = n; }
  while (g_cache) { struct item *n = g_cache->next; free(g_cache); g_cache = n; }
  free(g_last);
  return 0;
}
