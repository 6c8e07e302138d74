// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A variadic function of this unit whose va_lists stay in it (va_start,
// va_arg, va_copy, va_end on its own locals) has a summary for the
// arguments va_arg reads: when it only reads or writes through them, the
// caller's blocks passed there do not escape.  Any other use of its
// va_list, or of what va_arg returns, keeps the old verdict: passed to the
// function, escapes.
#include "alloc.h"
#include <stdarg.h>

int vsnprintf(char *, size_t, const char *, va_list);
char *g_kept;
va_list g_list;

static size_t total_len(const char *first, ...) {
  va_list ap;
  size_t n = 0;
  va_start(ap, first);
  for (const char *s = first; s; s = va_arg(ap, const char *))
    n += strlen(s);
  va_end(ap);
  return n;
}

static void fill_all(int count, int value, ...) {
  va_list ap, cp;
  va_start(ap, value);
  va_copy(cp, ap);
  for (int i = 0; i < count; i++) {
    int *p = va_arg(cp, int *);
    for (int k = 0; k < 4; k++)
      p[k] = value + k;
  }
  va_end(cp);
  va_end(ap);
}

struct span { const char *p; size_t n; };
static size_t span_len(int count, ...) {
  va_list ap;
  size_t n = 0;
  va_start(ap, count);
  for (int i = 0; i < count; i++)
    n += va_arg(ap, struct span).n;
  va_end(ap);
  return n;
}

// Writes a fresh block through a pointer argument: the block escapes (the
// caller's memory holds it), the pointer argument does not.
static void make_into(int n, ...) {
  va_list ap;
  va_start(ap, n);
  char **out = va_arg(ap, char **);
  *out = malloc((size_t)n); // expected-remark {{escapes to heap}}
  va_end(ap);
}

long reads_and_writes(void) {
  char **box = malloc(sizeof(char *)); // expected-remark {{allocation does not escape; would move to the stack}}
  make_into(4, box);
  (*box)[0] = 1;
  free(*box);
  free(box);
  char *a = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  int *x = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  struct span s = {malloc(4), 4}; // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(a, "a");
  strcpy(b, "bb");
  fill_all(1, 7, x);
  long r = (long)total_len(a, b, (char *)0) + x[3] + (long)span_len(1, s);
  free(a);
  free(b);
  free(x);
  free((void *)s.p);
  return r;
}

// The va_list goes to vsnprintf with the caller's format: a caller that
// passes a format printing an address lets its arguments escape
// (variadic-printf-wrapper.c has the rest).
static int format(char *out, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(out, n, fmt, ap);
  va_end(ap);
  return r;
}

static void keep_first(int n, ...) {
  va_list ap;
  va_start(ap, n);
  g_kept = va_arg(ap, char *);
  va_end(ap);
}

static void free_all(int n, ...) {
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++)
    free(va_arg(ap, void *));
  va_end(ap);
}

static char *first_of(int n, ...) {
  va_list ap;
  va_start(ap, n);
  char *p = va_arg(ap, char *);
  va_end(ap);
  return p;
}

static void store_into(char **slot, ...) {
  va_list ap;
  va_start(ap, slot);
  *slot = va_arg(ap, char *);
  va_end(ap);
}

static void global_list(int n, ...) {
  va_start(g_list, n);
  (void)va_arg(g_list, char *);
  va_end(g_list);
}

// The va_list is a struct member: va_start names no local va_list, so
// nothing is known of what reads the arguments.
struct listbox { va_list ap; };
void keep_list(struct listbox *b);
static void boxed(int n, ...) {
  struct listbox b;
  va_start(b.ap, n);
  keep_list(&b);
  va_end(b.ap);
}

static int countdown(int n, ...) {
  va_list ap;
  va_start(ap, n);
  char *p = va_arg(ap, char *);
  va_end(ap);
  return n > 0 ? countdown(n - 1, p) : p[0];
}

long leaves(void) {
  char buf[16];
  char *slot = 0;
  char *f = malloc(8); // expected-remark {{'f' escapes to heap: printed by 'format' with a format that may keep it}}
  char *k = malloc(8); // expected-remark {{'k' escapes to heap: passed to 'keep_first'}}
  char *d = malloc(8); // expected-remark {{'d' escapes to heap: passed to 'free_all'}}
  char *r = malloc(8); // expected-remark {{'r' escapes to heap: passed to 'first_of'}}
  char *s = malloc(8); // expected-remark {{'s' escapes to heap: passed to 'store_into'}}
  char *g = malloc(8); // expected-remark {{'g' escapes to heap: passed to 'global_list'}}
  char *c = malloc(8); // expected-remark {{'c' escapes to heap: passed to 'countdown'}}
  char *x = malloc(8); // expected-remark {{'x' escapes to heap: passed to 'boxed'}}
  boxed(1, x);
  free(x);
  format(buf, sizeof buf, "%p", (void *)f);
  keep_first(1, k);
  free_all(1, d);
  long n = first_of(1, r)[0];
  store_into(&slot, s);
  global_list(1, g);
  n += countdown(2, c);
  free(f);
  free(r);
  free(s);
  free(g);
  free(c);
  return n + buf[0] + slot[0];
}
