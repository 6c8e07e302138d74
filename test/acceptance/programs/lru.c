// An LRU cache: a hash index plus a doubly linked recency list of malloc'd
// nodes, evicted (and freed) from the tail when full.  Each cache is built,
// used and destroyed inside one function; the values it hands out are
// copied before the cache goes.  Kept: a result string returned to main.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int key; char val[24]; struct node *prev, *next, *chain; };
struct lru { struct node **index; int nbuckets, size, cap; struct node head; long hits, misses, evictions; };

static void lru_init(struct lru *c, int cap) {
  c->nbuckets = cap * 2;
  c->index = calloc((size_t)c->nbuckets, sizeof *c->index);  // keep: stored in the caller's cache
  c->size = 0;
  c->cap = cap;
  c->head.prev = c->head.next = &c->head;
  c->hits = c->misses = c->evictions = 0;
}

static void unlink_node(struct node *n) { n->prev->next = n->next; n->next->prev = n->prev; }
static void push_front(struct lru *c, struct node *n) {
  n->next = c->head.next; n->prev = &c->head;
  c->head.next->prev = n; c->head.next = n;
}

static struct node **slot(struct lru *c, int key) {
  struct node **p = &c->index[(unsigned)key % (unsigned)c->nbuckets];
  while (*p && (*p)->key != key) p = &(*p)->chain;
  return p;
}

static void evict(struct lru *c) {
  struct node *victim = c->head.prev;
  unlink_node(victim);
  *slot(c, victim->key) = victim->chain;
  free(victim);
  c->size--;
  c->evictions++;
}

static const char *lru_get(struct lru *c, int key) {
  struct node **p = slot(c, key);
  if (*p) {
    c->hits++;
    unlink_node(*p);
    push_front(c, *p);
    return (*p)->val;
  }
  c->misses++;
  if (c->size == c->cap) { evict(c); p = slot(c, key); }
  struct node *n = malloc(sizeof *n);  // keep: linked into the caller's cache
  n->key = key;
  snprintf(n->val, sizeof n->val, "v%d", key * 7 % 1000);
  n->chain = NULL;
  *p = n;
  push_front(c, n);
  c->size++;
  return n->val;
}

static void lru_destroy(struct lru *c) {
  while (c->size) evict(c);
  free(c->index);
}

static long run(int cap, int n, int span) {
  struct lru c;
  lru_init(&c, cap);
  long sum = 0;
  unsigned x = 12345;
  for (int i = 0; i < n; i++) {
    x = x * 1103515245u + 12345u;
    int key = (int)((x >> 8) % (unsigned)span);
    if (i % 3 == 0) key %= span / 8 + 1;   /* a hot set */
    sum += atoi(lru_get(&c, key) + 1);
  }
  printf("cap %d span %d: hits %ld misses %ld evictions %ld sum %ld\n",
         cap, span, c.hits, c.misses, c.evictions, sum);
  lru_destroy(&c);
  return sum;
}

/* A heap-allocated cache inside one function, and a copy of one value out. */
static char *most_recent(int n) {
  struct lru *c = malloc(sizeof *c);  // keep: its address goes into the heap nodes lru_get links
  lru_init(c, 8);
  for (int i = 0; i < n; i++) lru_get(c, i * i % 23);
  char *copy = malloc(strlen(c->head.next->val) + 8);  // keep: returned
  sprintf(copy, "%d:%s", c->head.next->key, c->head.next->val);
  lru_destroy(c);
  free(c);
  return copy;
}

int main(void) {
  long t = 0;
  t += run(4, 1000, 10);
  t += run(64, 200000, 500);
  t += run(1000, 100000, 800);
  char *s = most_recent(100);
  printf("most recent %s total %ld\n", s, t);
  free(s);
  return 0;
}
