// A string-keyed hash table owned by main: entries and key copies escape
// into it; lookup keys built with snprintf and the rehash scratch do not.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { char *key; int value; struct entry *next; };
struct map { struct entry **slots; size_t nslots, count; };

static unsigned long hash(const char *s) {
  unsigned long h = 1469598103934665603ul;
  while (*s) h = (h ^ (unsigned char)*s++) * 1099511628211ul;
  return h;
}

static struct map *map_new(size_t n) {
  struct map *m = malloc(sizeof *m);  // keep: returned
  m->slots = calloc(n, sizeof *m->slots);  // keep: stored in a returned struct
  m->nslots = n;
  m->count = 0;
  return m;
}

static void map_grow(struct map *m) {
  size_t n = m->nslots * 2;
  struct entry **slots = calloc(n, sizeof *slots);  // keep: stored into the parameter's pointee
  for (size_t i = 0; i < m->nslots; i++) {
    struct entry *e = m->slots[i];
    while (e) {
      struct entry *next = e->next;
      size_t k = hash(e->key) % n;
      e->next = slots[k];
      slots[k] = e;
      e = next;
    }
  }
  free(m->slots);
  m->slots = slots;
  m->nslots = n;
}

static void map_put(struct map *m, const char *key, int value) {
  size_t k = hash(key) % m->nslots;
  for (struct entry *e = m->slots[k]; e; e = e->next)
    if (strcmp(e->key, key) == 0) { e->value = value; return; }
  struct entry *e = malloc(sizeof *e);  // keep: linked into the map
  e->key = strdup(key);  // keep: stored into the map
  e->value = value;
  e->next = m->slots[k];
  m->slots[k] = e;
  if (++m->count > m->nslots * 2) map_grow(m);
}

static int map_get(const struct map *m, const char *key, int *out) {
  for (struct entry *e = m->slots[hash(key) % m->nslots]; e; e = e->next)
    if (strcmp(e->key, key) == 0) { *out = e->value; return 1; }
  return 0;
}

static int lookup_fmt(const struct map *m, const char *prefix, int i) {
  char *key = malloc(32);
  snprintf(key, 32, "%s%d", prefix, i);
  int v = -1;
  map_get(m, key, &v);
  free(key);
  return v;
}

static void map_free(struct map *m) {
  for (size_t i = 0; i < m->nslots; i++) {
    struct entry *e = m->slots[i];
    while (e) { struct entry *n = e->next; free(e->key); free(e); e = n; }
  }
  free(m->slots);
  free(m);
}

static size_t longest_chain(const struct map *m) {
  size_t *lens = calloc(m->nslots, sizeof *lens);
  size_t best = 0;
  for (size_t i = 0; i < m->nslots; i++) {
    for (struct entry *e = m->slots[i]; e; e = e->next) lens[i]++;
    if (lens[i] > best) best = lens[i];
  }
  free(lens);
  return best;
}

int main(void) {
  struct map *m = map_new(8);
  for (int i = 0; i < 500; i++) {
    char *key = malloc(32);
    snprintf(key, 32, "k%d", i);
    map_put(m, key, i * i);
    free(key);
  }
  long s = 0;
  for (int i = 0; i < 600; i += 3) s += lookup_fmt(m, "k", i);
  printf("count %zu slots %zu sum %ld\n", m->count, m->nslots, s);
  printf("longest chain %zu\n", longest_chain(m));
  map_free(m);
  return 0;
}
