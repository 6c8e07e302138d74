// Flexible array members: a string with its length in a header
// (malloc(sizeof *s + n)), a vector grown by realloc of the whole struct, a
// packet built and checksummed in one function, an array of such structs
// owned by a caller, and a zero-length tail.
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct str { size_t len; char data[]; };
struct vec { size_t len, cap; int items[]; };
struct packet { unsigned short kind, size; unsigned char payload[]; };

static struct str *str_new(const char *s) {
  size_t n = strlen(s);
  struct str *r = malloc(sizeof *r + n + 1);  // keep: returned
  r->len = n;
  memcpy(r->data, s, n + 1);
  return r;
}

static size_t local_str(int k) {
  char tmp[32];
  snprintf(tmp, sizeof tmp, "flex-%d", k);
  size_t n = strlen(tmp);
  struct str *s = malloc(sizeof *s + n + 1);
  s->len = n;
  memcpy(s->data, tmp, n + 1);
  size_t r = s->len + (size_t)s->data[n - 1];
  free(s);
  return r;
}

static struct vec *vec_push(struct vec *v, int x) {
  if (!v || v->len == v->cap) {
    size_t cap = v ? v->cap * 2 : 4;
    struct vec *nv = realloc(v, sizeof *nv + cap * sizeof(int));  // keep: returned
    if (!nv) return v;
    if (!v) nv->len = 0;
    nv->cap = cap;
    v = nv;
  }
  v->items[v->len++] = x;
  return v;
}

static long vec_local(int n) {
  struct vec *v = NULL;
  for (int i = 0; i < n; i++) v = vec_push(v, i * 3);
  long s = 0;
  for (size_t i = 0; i < v->len; i++) s += v->items[i];
  s += (long)v->cap;
  free(v);
  return s;
}

static unsigned packet_sum(int kind, int size) {
  struct packet *p = calloc(1, offsetof(struct packet, payload) + (size_t)size);
  p->kind = (unsigned short)kind;
  p->size = (unsigned short)size;
  for (int i = 0; i < size; i += 3) p->payload[i] = (unsigned char)(i ^ kind);
  unsigned s = p->kind;
  for (int i = 0; i < p->size; i++) s = s * 31 + p->payload[i];
  free(p);
  return s;
}

static unsigned fixed_packet(int kind) {
  struct packet *p = malloc(sizeof *p + 12);
  p->kind = (unsigned short)kind;
  p->size = 12;
  memset(p->payload, kind, 12);
  unsigned s = 0;
  for (int i = 0; i < 12; i++) s += p->payload[i];
  free(p);
  return s;
}

static size_t empty_tail(void) {
  struct str *e = malloc(sizeof *e);
  e->len = 0;
  size_t r = e->len + sizeof *e;
  free(e);
  return r;
}

int main(void) {
  struct str *names[3];
  for (int i = 0; i < 3; i++) {
    char b[16];
    snprintf(b, sizeof b, "name%d", i * 11);
    names[i] = str_new(b);
  }
  for (int i = 0; i < 3; i++) printf("%s/%zu ", names[i]->data, names[i]->len);
  printf("\n");
  for (int i = 0; i < 3; i++) free(names[i]);
  size_t t = 0;
  for (int k = 0; k < 20; k++) t += local_str(k);
  printf("local_str %zu\n", t);
  printf("vec_local %ld %ld\n", vec_local(3), vec_local(100));
  printf("packet %u %u\n", packet_sum(1, 10), packet_sum(7, 1000));
  printf("fixed_packet %u\n", fixed_packet(9));
  printf("empty_tail %zu\n", empty_tail());
  return 0;
}
