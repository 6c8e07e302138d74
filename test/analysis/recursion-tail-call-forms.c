// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s
// Tail calls written in forms that come to `return f(...)` or `f(); return;`
// once the optimizer has read them: a result held in a local and
// returned, an empty statement or a label after the call, a call in
// `do ... while (0)`, in a loop it breaks out of, or in a statement
// expression.  Plain code runs each recursion as a loop, so the blocks of
// these functions stay on the heap (recursion-tail-call.c has the plain
// forms).  Work after the call (a store to a global, a cleanup function,
// a subtraction from its value) keeps it from being a tail call.
#include <stdio.h>
#include <stdlib.h>

long sink;

long held(long n, long acc) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  long v = b[0];
  free(b);
  if (n <= 0)
    return acc;
  long r = held(n - 1, acc + v);
  return r;
}

long chosen(long n, long acc) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  long v = b[0], r;
  free(b);
  if (n <= 0)
    r = acc;
  else
    r = chosen(n - 1, acc + v);
  return r;
}

void empty(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  if (n == 0)
    return;
  empty(n - 1);;
}

void labelled(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  if (n == 0)
    goto done;
  labelled(n - 1);
done:;
}

void once(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  if (n)
    do {
      once(n - 1);
    } while (0);
}

void broken(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  for (; n;) {
    broken(n - 1);
    break;
  }
}

void expr(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  if (n)
    ({ expr(n - 1); });
}

// Work after the call: not a tail call.
void counted(long n) {
  char *b = malloc(32); // expected-remark {{would move to the frame arena}}
  snprintf(b, 32, "%ld", n);
  free(b);
  if (n)
    counted(n - 1);;
  sink++;
}

static void drop(char **p) { free(*p); }
long cleaned(long n) {
  __attribute__((cleanup(drop))) char *b = malloc(32); // expected-remark {{would move to the frame arena}}
  snprintf(b, 32, "%ld", n);
  long v = b[0];
  if (n <= 0)
    return v;
  long r = cleaned(n - 1);
  return r;
}

// A loop round again after the call: a loop the optimizer unrolls leaves
// the call last, so the analysis errs towards a tail call.
void each(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  for (long i = 0; i < n && i < 2; i++)
    each(n / 2 - i);
}

// After the call only what the optimizer folds away: hints, a helper
// without effects, stores to locals and through a pointer to one,
// operations with a constant, a cleanup function without effects.
static long id(long v) { return v; }
static void trace(const char *s) { (void)s; }
static void nothing(char **p) { (void)p; }
struct pair { long a, b; };

long hinted(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  long v = b[0];
  free(b);
  if (n <= 0)
    return v;
  return __builtin_expect(id(hinted(n - 1)), 7);
}

long stored(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  long v = b[0];
  free(b);
  if (n <= 0)
    return v;
  long r, arr[2];
  struct pair s = {0, 0};
  long *q = &r;
  *q = stored(n - 1);
  arr[0] = r;
  s.a++;
  trace("back");
  return arr[0] / 1 - 0;
}

long kept(long n) {
  __attribute__((cleanup(nothing))) char *c = 0;
  char *b = malloc(32); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 32, "%ld", n);
  long v = b[0];
  free(b);
  if (n <= 0)
    return v + (c != 0);
  long r = 0;
  for (int i = 0; i < 1; i++)
    r = kept(n - 1);
  return r;
}

// Through a function whose address is taken, and a call back through a
// pointer in the function it calls.
typedef long (*step_fn)(long);
step_fn next_step;
static long step_b(long n) { return n ? next_step(n - 1) : 0; }
long step_a(long n) {
  char *b = malloc(32); // expected-remark {{stays on the heap: function may recurse through an indirect call or another file, by a tail call}}
  snprintf(b, 32, "%ld", n);
  sink += b[0];
  free(b);
  return step_b(n);
}
void set_step(void) { next_step = step_a; }
