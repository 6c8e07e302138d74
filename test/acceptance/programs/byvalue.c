// Structs passed and returned by value that hold pointers to malloc'd
// memory: a buffer made by one function and returned inside a struct, a
// struct copy (`*a = *b`, `a = b`) that carries the pointer into a global or
// back to the caller, memcpy of a struct holding a pointer, and a local
// struct whose copies never leave the function.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf { char *data; size_t len; };
struct pair { struct buf a, b; int tag; };

static struct buf g_last;
static struct pair g_pair;

static struct buf buf_make(const char *s) {
  struct buf b;
  b.len = strlen(s);
  b.data = malloc(b.len + 1);  // keep: returned inside a struct
  memcpy(b.data, s, b.len + 1);
  return b;
}

static size_t buf_weight(struct buf b) {
  size_t w = 0;
  for (size_t i = 0; i < b.len; i++) w += (unsigned char)b.data[i];
  return w;
}

// The struct is copied twice, every copy stays in the frame.
static size_t local_copies(int k) {
  struct buf a = { malloc(32), 0 };
  snprintf(a.data, 32, "local-%d", k);
  a.len = strlen(a.data);
  struct buf b = a;
  struct buf c;
  memcpy(&c, &b, sizeof c);
  size_t w = buf_weight(c) + b.len;
  free(c.data);
  return w;
}

// `*dst = *src` where dst is a global: the pointer escapes with the copy.
static void remember(const struct buf *src) { g_last = *src; }

static size_t store_global(int k) {
  struct buf t = { malloc(24), 0 };  // keep: struct copied into a global
  t.len = (size_t)snprintf(t.data, 24, "global-%d", k);
  remember(&t);
  return t.len;
}

// memcpy of a struct holding pointers into a global pair.
static void stash_pair(int k) {
  struct pair p;
  p.a.data = malloc(16);  // keep: memcpy'd into a global
  p.b.data = malloc(16);  // keep: memcpy'd into a global
  p.a.len = (size_t)snprintf(p.a.data, 16, "a%d", k);
  p.b.len = (size_t)snprintf(p.b.data, 16, "b%d", k * 2);
  p.tag = k;
  memcpy(&g_pair, &p, sizeof p);
}

// A pair of local buffers swapped through struct assignment.
static size_t swap_local(int k) {
  struct pair p = { { malloc(8), 0 }, { malloc(8), 0 }, k };
  strcpy(p.a.data, "left");
  strcpy(p.b.data, "right");
  struct buf tmp = p.a;
  p.a = p.b;
  p.b = tmp;
  size_t r = strlen(p.a.data) * 10 + strlen(p.b.data);
  free(p.a.data);
  free(p.b.data);
  return r;
}

// Returned by value through a chain of helpers.
static struct buf twice(const char *s) {
  struct buf b = buf_make(s);  // keep: returned by value
  struct buf out = b;
  return out;
}

int main(void) {
  size_t total = 0;
  for (int k = 0; k < 5; k++) total += local_copies(k);
  printf("local copies %zu\n", total);
  for (int k = 0; k < 3; k++) {
    free(g_last.data);
    g_last.data = NULL;
    printf("store_global %zu\n", store_global(k));
  }
  printf("g_last %s\n", g_last.data);
  free(g_last.data);
  stash_pair(7);
  printf("pair %s %s %zu %zu %d\n", g_pair.a.data, g_pair.b.data, g_pair.a.len, g_pair.b.len, g_pair.tag);
  free(g_pair.a.data);
  free(g_pair.b.data);
  printf("swap %zu\n", swap_local(1));
  struct buf t = twice("returned through two frames");
  printf("twice %s %zu\n", t.data, buf_weight(t));
  free(t.data);
  struct buf u = buf_make("second");
  struct buf v;
  v = u;
  u.data = NULL;
  printf("moved %s\n", v.data);
  free(v.data);
  return 0;
}
