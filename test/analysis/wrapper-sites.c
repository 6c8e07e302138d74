// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A function of this unit that returns blocks it allocates, and does nothing
// else with them, is an allocation wrapper: each call is a site of the
// caller, decided there and moved to the frame arena (the rewriter inlines
// the call).  Anything else a function does with the block makes it a
// plain function whose result escapes as before.
#include "alloc.h"
#include "libc-extra.h"

char *global;

static void *xmalloc(size_t n) {
  void *p = malloc(n); // expected-remark {{'p' escapes to heap: returned from 'xmalloc'}}
  if (!p) {
    perror("malloc");
    exit(1);
  }
  return p;
}

static char *xstrdup(const char *s) { // expected-remark {{leaking param content: 's'}}
  size_t n = strlen(s) + 1;
  char *p = xmalloc(n); // expected-remark {{'p' escapes to heap: returned from 'xstrdup'}}
  memcpy(p, s, n);
  return p;
}

static char *pick(int big) {
  return big ? malloc(100) : calloc(1, 10); // expected-remark 2 {{escapes to heap: returned from 'pick'}}
}

int direct(void) {
  char *p = xmalloc(32); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}

int nested(const char *s) { // expected-remark {{leaking param content: 's'}}
  char *c = xstrdup(s); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int r = c[0];
  free(c);
  return r;
}

int two_sites(int big) {
  char *p = pick(big); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int r = p[0];
  free(p);
  return r;
}

char *returned(void) {
  return xmalloc(8); // expected-remark {{allocation escapes to heap: returned from 'returned'}}
}

void stored(void) {
  global = xstrdup("x"); // expected-remark {{'global' escapes to heap: assigned to global 'global'}}
}

// Not wrappers: each call's block is of unknown origin to the caller.
static char *frees_on_error(size_t n, int bad) {
  char *p = malloc(n); // expected-remark {{'p' escapes to heap: returned from 'frees_on_error'}}
  if (bad) {
    free(p);
    return 0;
  }
  return p;
}

static char *keeps_a_copy(size_t n) {
  char *p = malloc(n); // expected-remark {{'p' escapes to heap: assigned to global 'global'}}
  global = p;
  return p;
}

static char *or_param(char *q, size_t n) { // expected-remark {{leaking param: 'q' to result}}
  return q ? q : malloc(n); // expected-remark {{allocation escapes to heap: returned from 'or_param'}}
}

__attribute__((noinline)) static char *not_inlined(size_t n) {
  return malloc(n); // expected-remark {{allocation escapes to heap: returned from 'not_inlined'}}
}

static char *grows(char *p, size_t n) { // expected-remark {{leaking param content: 'p'}}
  return realloc(p, n); // expected-remark {{allocation escapes to heap: returned from 'grows'}}
}

int callers(int bad) {
  char *a = frees_on_error(8, bad);
  char *b = keeps_a_copy(8);
  char *c = or_param(0, 8);
  char *d = not_inlined(8);
  char *e = grows(0, 8);
  int r = (a != 0) + b[0] + c[0] + d[0] + e[0];
  free(a);
  free(c);
  free(d);
  free(e);
  return r;
}

// A block that points to itself is not a wrapper's: the caller would see
// its contents as unknown memory and miss the pointer to it there.
struct ring { struct ring *next, *prev; };
static struct ring *ring_new(void) {
  struct ring *r = malloc(sizeof *r); // expected-remark {{'r' escapes to heap: returned from 'ring_new'}}
  r->next = r->prev = r;
  return r;
}
struct ring *ring_leak(void) {
  struct ring *r = ring_new();
  struct ring *n = r->next;
  return n;
}

// Nor is one of two returned blocks that holds the other.
struct pair { struct pair *other; };
static struct pair *pair_new(int which) {
  struct pair *a = malloc(sizeof *a); // expected-remark {{'a' escapes to heap: returned from 'pair_new'}}
  struct pair *b = malloc(sizeof *b); // expected-remark {{'b' escapes to heap: returned from 'pair_new'}}
  a->other = b;
  b->other = 0;
  return which ? a : b;
}
struct pair *pair_leak(void) {
  struct pair *p = pair_new(1);
  return p->other;
}

// An allocator attribute on a wrapper of this unit does not hide its body.
__attribute__((malloc, alloc_size(1))) static void *gnu_xmalloc(size_t n) {
  void *p = malloc(n); // expected-remark {{'p' escapes to heap: returned from 'gnu_xmalloc'}}
  if (!p)
    exit(1);
  return p;
}
int gnu_style(void) {
  char *p = gnu_xmalloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  p[0] = 2;
  int r = p[0];
  free(p);
  return r;
}

// A helper may have temporaries of its own that do not escape: the copies
// its callers take in move with the call, their frees with them.
static char *with_temp(const char *s) { // expected-remark {{leaking param content: 's'}}
  size_t n = strlen(s) + 1;
  char *tmp = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}}
  memcpy(tmp, s, n);
  char *out = malloc(n); // expected-remark {{'out' escapes to heap: returned from 'with_temp'}}
  memcpy(out, tmp, n);
  free(tmp);
  return out;
}
int temp_caller(void) {
  char *p = with_temp("x"); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int r = p[0];
  free(p);
  return r;
}

// But not one it reallocates, or one a callee frees: those calls are not
// the wrapper's own frees, which the copies redirect.
static void drop(char *p) { free(p); }
static char *grows_temp(size_t n) {
  char *tmp = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}}
  tmp = realloc(tmp, 2 * n); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *out = malloc(n); // expected-remark {{'out' escapes to heap: returned from 'grows_temp'}}
  out[0] = tmp[0];
  free(tmp);
  return out;
}
static char *drops_temp(size_t n) {
  char *tmp = malloc(n); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *out = malloc(n); // expected-remark {{'out' escapes to heap: returned from 'drops_temp'}}
  out[0] = tmp[0];
  drop(tmp);
  return out;
}
int temp_callers(void) {
  char *a = grows_temp(4);
  char *b = drops_temp(4);
  int r = a[0] + b[0];
  free(a);
  free(b);
  return r;
}

// A wrapper whose block has a constant size in its own call (a constructor
// of a struct) gives the call that size: small ones take the stack.
struct point { long x, y; };
static struct point *point_new(long x, long y) {
  struct point *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: returned from 'point_new'}}
  p->x = x;
  p->y = y;
  return p;
}
static struct point *point_zero(void) {
  return calloc(1, sizeof(struct point)); // expected-remark {{allocation escapes to heap: returned from 'point_zero'}}
}
static char *sized_by_local(void) {
  size_t n = 16;
  return malloc(n); // expected-remark {{allocation escapes to heap: returned from 'sized_by_local'}}
}
long points(void) {
  struct point *a = point_new(1, 2); // expected-remark {{allocation does not escape; would move to the stack}}
  struct point *z = point_zero(); // expected-remark {{allocation does not escape; would move to the stack}}
  char *s = sized_by_local(); // expected-remark {{allocation does not escape; would move to the stack}}
  long r = a->x + a->y + z->x + s[0];
  free(a);
  free(z);
  free(s);
  return r;
}

// Sizes a call's arguments give: the allocator call in the wrapper reads
// parameters the wrapper never assigns, and the arguments are constants or
// unmodified locals of the caller.  Anything else stays dynamic.
static void *xcalloc(size_t n, size_t k) {
  void *p = calloc(n, k); // expected-remark {{'p' escapes to heap: returned from 'xcalloc'}}
  if (!p)
    exit(1);
  return p;
}
static void *at_least_one(size_t n) {
  if (n == 0)
    n = 1;
  return malloc(n); // expected-remark {{allocation escapes to heap: returned from 'at_least_one'}}
}
static int *int_array(size_t n) {
  size_t bytes = n * sizeof(int);
  return malloc(bytes); // expected-remark {{allocation escapes to heap: returned from 'int_array'}}
}
static void note_size(size_t *n) { (void)n; }
static void *address_taken(size_t n) {
  note_size(&n);
  return malloc(n); // expected-remark {{allocation escapes to heap: returned from 'address_taken'}}
}
static void *twice(size_t n) {
  return xmalloc(2 * n); // expected-remark {{allocation escapes to heap: returned from 'twice'}}
}
static void *twice_grown(size_t n) {
  n += 1;
  return xmalloc(2 * n); // expected-remark {{allocation escapes to heap: returned from 'twice_grown'}}
}
static void *scaled(size_t n) {
  size_t k = 3;
  return twice(n * k); // expected-remark {{allocation escapes to heap: returned from 'scaled'}}
}
// The size local of the function that calls malloc is assigned after its
// initializer: through a nested wrapper too, the size is not constant.
static long *assigned_size(long k) {
  size_t n = 0;
  n = 11;
  long *p = malloc(n * sizeof *p); // expected-remark {{'p' escapes to heap: returned from 'assigned_size'}}
  p[0] = k;
  return p;
}
static long *outer_assigned(long k) {
  return assigned_size(k + 1); // expected-remark {{allocation escapes to heap: returned from 'outer_assigned'}}
}
long assigned(long k) {
  long *p = assigned_size(k); // expected-remark {{allocation does not escape; would move to the frame arena}}
  long *q = outer_assigned(k); // expected-remark {{allocation does not escape; would move to the frame arena}}
  long r = p[0] + q[0];
  free(p);
  free(q);
  return r;
}
long by_arguments(size_t dyn, int k) {
  const size_t ten = 10;
  size_t grows = 4;
  grows += (size_t)k;
  char *a = xcalloc(4, sizeof(long)); // expected-remark {{allocation does not escape; would move to the stack}}
  int *b = int_array(ten); // expected-remark {{allocation does not escape; would move to the stack}}
  char *c = at_least_one(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *d = address_taken(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *e = xmalloc(dyn); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *f = xmalloc(grows); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *g = twice(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *h = xmalloc(1 << 20); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *i = twice_grown(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *j = scaled(4); // expected-remark {{allocation does not escape; would move to the stack}}
  char *l = twice(dyn); // expected-remark {{allocation does not escape; would move to the frame arena}}
  long r = a[0] + b[1] + c[0] + d[0] + e[0] + f[0] + g[0] + h[0] + i[0] + j[0] + l[0];
  free(i);
  free(j);
  free(l);
  free(a);
  free(b);
  free(c);
  free(d);
  free(e);
  free(f);
  free(g);
  free(h);
  return r;
}
