// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A recursive function whose recursive call plain code turns into a loop
// or a jump (its value returned, directly or through an accumulator; a
// void call with nothing after it) keeps its allocations on the heap: a
// frame's leave would run after the call and keep a stack frame per level.
// A recursive call whose result is used before the return is not a tail
// call: the arena, as for any recursive function.
#include "alloc.h"

int snprintf(char *buf, size_t n, const char *fmt, ...);
extern long sink;

long count(long n, long acc) {
  char *b = malloc(24); // expected-remark {{allocation does not escape; stays on the heap: function recurses through a tail call, which plain code runs without a frame per level}}
  snprintf(b, 24, "%ld", n);
  acc += b[0];
  free(b);
  if (n == 0)
    return acc;
  return count(n - 1, acc);
}

long sum(long n) {
  char *b = malloc(24); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 24, "%ld", n);
  long v = b[0];
  free(b);
  return n ? v + sum(n - 1) : 0;
}

int odd(int n);
int even(int n) {
  char *b = malloc(8); // expected-remark {{stays on the heap: function recurses through a tail call}}
  b[0] = (char)n;
  free(b);
  return n == 0 || odd(n - 1);
}
int odd(int n) {
  char *b = malloc(8); // expected-remark {{stays on the heap: function recurses through a tail call}}
  b[0] = (char)n;
  free(b);
  return n != 0 && even(n - 1);
}

void walk(int n) {
  char *b = malloc(16); // expected-remark {{stays on the heap: function recurses through a tail call}}
  b[0] = (char)n;
  sink += b[0];
  free(b);
  if (n > 0)
    walk(n - 1);
}

void step(int n, int k) {
  char *b = malloc(16); // expected-remark {{stays on the heap: function recurses through a tail call}}
  b[0] = (char)n;
  sink += b[0];
  free(b);
  switch (k) {
  case 0:
    step(n - 1, 1);
    break;
  default:
    sink++;
  }
}

void stop(int n) {
  char *b = malloc(16); // expected-remark {{stays on the heap: function recurses through a tail call}}
  b[0] = (char)n;
  sink += b[0];
  free(b);
  if (n > 0) {
    stop(n - 1);
    return;
  }
  sink--;
}

long used(long n) {
  char *b = malloc(24); // expected-remark {{allocation does not escape; would move to the frame arena}}
  snprintf(b, 24, "%ld", n);
  long r = n ? used(n - 1) : 0;
  r += b[0];
  free(b);
  return r;
}

long minus(long n) {
  char *b = malloc(24); // expected-remark {{would move to the frame arena}}
  snprintf(b, 24, "%ld", n);
  long v = b[0];
  free(b);
  return n ? minus(n - 1) - v : 0;
}

// Not recursive: a tail call into a recursive function costs one frame.
long outer(long n) {
  char *b = malloc(24); // expected-remark {{allocation does not escape; would move to the stack}}
  snprintf(b, 24, "%ld", n);
  long v = b[0];
  free(b);
  return used(n + v);
}

// A hidden recursion (through a table of handlers) whose indirect call is
// returned: the heap.  Its handler recurses through a call whose value it
// uses: the arena.
typedef long (*handler_fn)(long);
static long dispatch(int op, long n);
static long twice(long n) {
  char *b = malloc(24); // expected-remark {{would move to the frame arena}}
  snprintf(b, 24, "%ld", n);
  long r = n > 0 ? dispatch(0, n - 1) * 2 : b[0];
  free(b);
  return r;
}
static const handler_fn handlers[] = {twice};
static long dispatch(int op, long n) {
  char *b = malloc(24); // expected-remark {{stays on the heap: function recurses through a tail call}}
  snprintf(b, 24, "%d", op);
  sink += b[0];
  free(b);
  return handlers[op](n);
}
long run_handlers(long n) { return dispatch(0, n); }

// A function other files may call, whose last act is a call to a function
// of another file: the recursion is only possible, and the remark says so.
extern long ext_step(long);
long visible_tail(long n) {
  char *b = malloc(24); // expected-remark {{stays on the heap: function may recurse through an indirect call or another file, by a tail call, which plain code runs without a frame per level}}
  snprintf(b, 24, "%ld", n);
  sink += b[0];
  free(b);
  return ext_step(n);
}
