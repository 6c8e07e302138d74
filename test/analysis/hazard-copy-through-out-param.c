// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A helper copies what a parameter's memory holds (an array of pointers)
// into a block of its own and stores the block through an out-parameter:
// the pointers reach the caller's memory with it.  The summary said only
// that an unknown block was stored there, so a caller that published the
// copy kept the pointed-to block in its frame.  Now the block is described
// (what it holds comes from the parameters), or, when it also holds a
// pointer of its own (a static), the parameter's content leaks.

#include "alloc.h"

char **g;

static void dup_into(char ***out, char **src) {
  char **b = malloc(2 * sizeof *b); // expected-remark {{'b' escapes to heap: stored into '*out'}}
  b[0] = src[0];
  b[1] = 0;
  *out = b;
}

void published(void) {
  char *x = malloc(8); // expected-remark {{'x' escapes to heap: assigned to global 'g'}}
  char *arr[1] = {x};
  char **res;
  dup_into(&res, arr);
  g = res;
}

static char mark[4];
static void dup_marked(char ***out, char **src) { // expected-remark {{leaking param content: 'src'}}
  char **b = malloc(2 * sizeof *b); // expected-remark {{'b' escapes to heap: stored into '*out'}}
  b[0] = src[0];
  b[1] = mark;
  *out = b;
}

void published_marked(void) {
  char *x = malloc(8); // expected-remark {{'x' escapes to heap: content leaks through parameter 'src' of 'dup_marked'}}
  char *arr[1] = {x};
  char **res;
  dup_marked(&res, arr);
  g = res;
}

// The same copy freed in the caller: nothing escapes.
void kept_local(void) {
  char *x = malloc(8); // expected-remark {{allocation does not escape}}
  char *arr[1] = {x};
  char **res;
  dup_into(&res, arr);
  res[0][0] = 'a';
  free(res);
  free(x);
}

// Only what lies two loads down is copied (the bytes of the structs an
// array of pointers points to): that reaches the caller, the structs do not.
struct item {
  char *ref;
};
struct item *gi;
static void flatten(struct item **out, struct item **src) {
  struct item *b = malloc(sizeof *b); // expected-remark {{'b' escapes to heap: stored into '*out'}}
  *b = *src[0];
  *out = b;
}

void published_item(void) {
  char *x = malloc(8); // expected-remark {{'x' escapes to heap: assigned to global 'gi'}}
  struct item *it = malloc(sizeof *it); // expected-remark {{allocation does not escape}}
  it->ref = x;
  struct item *arr[1] = {it};
  struct item *res;
  flatten(&res, arr);
  gi = res;
  free(it);
}
