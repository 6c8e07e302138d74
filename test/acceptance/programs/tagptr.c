// Pointers used as values: tagged pointers (a kind in the low bits of an
// aligned block's address, masked off before use), pointers hashed into a
// local open-addressing set to deduplicate a list, and pointers compared
// for ordering (sorting objects by address, checking a pointer is inside a
// block).  No printed value depends on an address.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TAG_INT = 0, TAG_STR = 1, TAG_PAIR = 2, TAG_MASK = 3 };
typedef uintptr_t value;

struct boxed_int { long v; };
struct boxed_str { size_t len; char s[24]; };
struct pair { value car, cdr; };

static value tag(void *p, unsigned t) { return (uintptr_t)p | t; }
static unsigned tag_of(value v) { return (unsigned)(v & TAG_MASK); }
static void *untag(value v) { return (void *)(v & ~(uintptr_t)TAG_MASK); }

static long weigh(value v) {
  switch (tag_of(v)) {
  case TAG_INT: return ((struct boxed_int *)untag(v))->v;
  case TAG_STR: return (long)((struct boxed_str *)untag(v))->len;
  default: { struct pair *p = untag(v); return weigh(p->car) * 2 + weigh(p->cdr); }
  }
}

static void release(value v) {
  if (tag_of(v) == TAG_PAIR) {
    struct pair *p = untag(v);
    release(p->car);
    release(p->cdr);
  }
  free(untag(v));
}

static long tagged_list(int n) {
  struct boxed_int *a = malloc(sizeof *a);
  struct boxed_str *b = malloc(sizeof *b);
  a->v = n;
  b->len = (size_t)snprintf(b->s, sizeof b->s, "item-%d", n);
  struct pair *p = malloc(sizeof *p);
  p->car = tag(a, TAG_INT);
  p->cdr = tag(b, TAG_STR);
  value v = tag(p, TAG_PAIR);
  long w = weigh(v);
  release(v);
  return w;
}

static long tagged_one(int n) {
  struct boxed_str *s = malloc(sizeof *s);
  s->len = (size_t)n % 20;
  value v = (uintptr_t)s | TAG_STR;
  long r = tag_of(v) == TAG_STR ? (long)((struct boxed_str *)(v & ~(uintptr_t)TAG_MASK))->len : -1;
  free((void *)(v & ~(uintptr_t)TAG_MASK));
  return r;
}

/* Distinct objects in a list with repeats, by address, in a local set. */
static int distinct(struct boxed_int **list, int n) {
  size_t cap = 16;
  while (cap < (size_t)n * 2) cap *= 2;
  const void **set = calloc(cap, sizeof *set);
  int count = 0;
  for (int i = 0; i < n; i++) {
    uintptr_t h = (uintptr_t)list[i];
    h ^= h >> 17; h *= 0x9e3779b97f4a7c15u; h ^= h >> 29;
    size_t j = h & (cap - 1);
    while (set[j] && set[j] != list[i]) j = (j + 1) & (cap - 1);
    if (!set[j]) { set[j] = list[i]; count++; }
  }
  free(set);
  return count;
}

static int cmp_addr(const void *a, const void *b) {
  const struct boxed_int *x = *(const struct boxed_int *const *)a, *y = *(const struct boxed_int *const *)b;
  return (uintptr_t)x < (uintptr_t)y ? -1 : (uintptr_t)x > (uintptr_t)y;
}

static long dedupe(int n) {
  struct boxed_int **objs = malloc(sizeof *objs * (size_t)n);
  struct boxed_int **list = malloc(sizeof *list * (size_t)n * 3);
  for (int i = 0; i < n; i++) { objs[i] = malloc(sizeof **objs); objs[i]->v = i; }
  for (int i = 0; i < 3 * n; i++) list[i] = objs[(i * 7) % n];
  int d = distinct(list, 3 * n);
  qsort(list, (size_t)n * 3, sizeof *list, cmp_addr);
  long sum = 0;
  int runs = 0;
  for (int i = 0; i < 3 * n; i++) {
    if (i == 0 || list[i] != list[i - 1]) runs++;
    sum += list[i]->v;
  }
  for (int i = 0; i < n; i++) free(objs[i]);
  free(list);
  free(objs);
  return d * 1000000L + runs * 1000L + sum % 1000;
}

static int inside(int n) {
  char *block = malloc((size_t)n);
  char *probe = block + n / 2;
  int in = probe >= block && probe < block + n;
  int first = (uintptr_t)block <= (uintptr_t)probe;
  free(block);
  return in + first;
}

int main(void) {
  long s = 0;
  for (int i = 0; i < 50000; i++) s += tagged_list(i) + tagged_one(i);
  printf("tagged %ld\n", s);
  printf("dedupe %ld %ld\n", dedupe(10), dedupe(5000));
  printf("inside %d %d\n", inside(16), inside(100000));
  return 0;
}
