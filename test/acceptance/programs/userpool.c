// User-written allocators on top of malloc: a bump arena that carves one
// malloc'd block into pieces (the block freed at the end, chained blocks
// when it fills), a fixed-size object pool with a free list threaded
// through the free slots, and objects with embedded list links reached
// back through container_of (offsetof).
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define container_of(p, type, member) ((type *)((char *)(p) - offsetof(type, member)))

struct link { struct link *next, *prev; };
static void list_init(struct link *h) { h->next = h->prev = h; }
static void list_add_tail(struct link *h, struct link *n) {
  n->prev = h->prev; n->next = h; h->prev->next = n; h->prev = n;
}
static void list_del(struct link *n) { n->prev->next = n->next; n->next->prev = n->prev; }

struct block { struct block *prev; size_t used, cap; _Alignas(16) unsigned char data[]; };
struct bump { struct block *cur; size_t total; };

static void *bump_alloc(struct bump *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (!a->cur || a->cur->used + n > a->cur->cap) {
    size_t cap = n > 4096 ? n : 4096;
    struct block *b = malloc(sizeof *b + cap);  // keep: chained into the caller's arena
    b->prev = a->cur; b->used = 0; b->cap = cap;
    a->cur = b;
  }
  void *p = a->cur->data + a->cur->used;
  a->cur->used += n;
  a->total += n;
  return p;
}

static void bump_free_all(struct bump *a) {
  while (a->cur) { struct block *p = a->cur->prev; free(a->cur); a->cur = p; }
}

struct item { int id; struct link node; char name[12]; };

static long bump_list(int n) {
  struct bump a = { 0 };
  struct link head;
  list_init(&head);
  for (int i = 0; i < n; i++) {
    struct item *it = bump_alloc(&a, sizeof *it);
    it->id = i;
    snprintf(it->name, sizeof it->name, "n%d", i % 1000);
    list_add_tail(&head, &it->node);
  }
  /* Drop every third item, then walk back through container_of. */
  int k = 0;
  for (struct link *l = head.next, *nx; l != &head; l = nx, k++) {
    nx = l->next;
    if (k % 3 == 0) list_del(l);
  }
  long sum = 0;
  for (struct link *l = head.prev; l != &head; l = l->prev) {
    struct item *it = container_of(l, struct item, node);
    sum += it->id + (long)strlen(it->name);
  }
  size_t total = a.total;
  bump_free_all(&a);
  return sum * 10 + (long)(total % 10);
}

/* Pool of fixed-size slots carved from one block; a free list through them. */
struct pool { unsigned char *mem; void *free_list; size_t size, count, live; };

static int pool_init(struct pool *p, size_t size, size_t count) {
  p->size = size < sizeof(void *) ? sizeof(void *) : (size + 7) & ~(size_t)7;
  p->count = count;
  p->mem = malloc(p->size * count);  // keep: stored in the caller's pool
  if (!p->mem) return -1;
  p->free_list = NULL;
  for (size_t i = count; i-- > 0;) {
    void *slot = p->mem + i * p->size;
    *(void **)slot = p->free_list;
    p->free_list = slot;
  }
  p->live = 0;
  return 0;
}
static void *pool_get(struct pool *p) {
  void *s = p->free_list;
  if (s) { p->free_list = *(void **)s; p->live++; }
  return s;
}
static void pool_put(struct pool *p, void *s) { *(void **)s = p->free_list; p->free_list = s; p->live--; }

struct msg { struct link node; int seq; int len; };

static long pool_queue(int rounds) {
  struct pool p;
  if (pool_init(&p, sizeof(struct msg), 64)) return -1;
  struct link q;
  list_init(&q);
  long check = 0;
  for (int r = 0; r < rounds; r++) {
    for (int i = 0; i < r % 50 + 1; i++) {
      struct msg *m = pool_get(&p);
      if (!m) break;
      m->seq = r * 100 + i;
      m->len = (r + i) % 17;
      list_add_tail(&q, &m->node);
    }
    for (int i = 0; i < r % 37 + 1 && q.next != &q; i++) {
      struct msg *m = container_of(q.next, struct msg, node);
      list_del(&m->node);
      check = (check * 131 + m->seq + m->len) % 1000000007;
      pool_put(&p, m);
    }
  }
  size_t live = p.live;
  free(p.mem);
  return check * 100 + (long)live;
}

/* One malloc'd block carved by hand into a header, an index and strings. */
static int carve(int n) {
  size_t need = sizeof(int) * (size_t)n + (size_t)n * 8 + 16;
  unsigned char *blk = malloc(need);
  int *index = (int *)blk;
  char *strings = (char *)(index + n);
  size_t off = 0;
  for (int i = 0; i < n; i++) {
    index[i] = (int)off;
    off += (size_t)sprintf(strings + off, "%d", i * 3) + 1;
  }
  int total = 0;
  for (int i = 0; i < n; i++) total += (int)strlen(strings + index[i]);
  free(blk);
  return total;
}

int main(void) {
  printf("bump %ld %ld\n", bump_list(10), bump_list(100000));
  printf("pool %ld\n", pool_queue(20000));
  long c = 0;
  for (int i = 1; i < 3000; i++) c += carve(i % 300 + 1);
  printf("carve %d %ld\n", carve(5), c);
  return 0;
}
