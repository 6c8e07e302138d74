// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A helper that copies bytes out of the blocks an array of pointers points
// to leaks only what those blocks hold ("deep content"): the blocks stay
// in the caller's frame.  What they hold still escapes.
#include "alloc.h"

static char *join2(char **parts, int n) { // expected-remark {{leaking param deep content: 'parts'}}
  unsigned long t = 1;
  for (int i = 0; i < n; i++)
    t += strlen(parts[i]);
  char *r = malloc(t), *w = r; // expected-remark {{'r' escapes to heap: returned from 'join2'}}
  for (int i = 0; i < n; i++) {
    unsigned long l = strlen(parts[i]);
    memcpy(w, parts[i], l);
    w += l;
  }
  *w = 0;
  return r;
}

char *join_names(const char *a, const char *b) { // expected-remark {{leaking param content: 'a'}} expected-remark {{leaking param content: 'b'}}
  char *parts[2] = {strdup(a), strdup(b)}; // expected-remark 2 {{allocation does not escape; would move to the frame arena}}
  char *j = join2(parts, 2); // expected-remark {{'j' escapes to heap: returned from 'join_names'}}
  free(parts[0]);
  free(parts[1]);
  return j;
}

// A byte loop copies as much as memcpy does.
static char *first8(char **parts) { // expected-remark {{leaking param deep content: 'parts'}}
  char *r = malloc(8); // expected-remark {{'r' escapes to heap: returned from 'first8'}}
  for (int i = 0; i < 8; i++)
    r[i] = parts[0][i];
  return r;
}

char *first_of(void) {
  char *p[1] = {strdup("abcdefgh")}; // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *r = first8(p); // expected-remark {{'r' escapes to heap: returned from 'first_of'}}
  free(p[0]);
  return r;
}

// The blocks' contents escape: a pointer kept in the first block is copied
// into the result, so the block it points to escapes, not the first block.
char *holder(void) {
  char *inner = malloc(8); // expected-remark {{'inner' escapes to heap: deep content leaks through parameter 'parts' of 'first8'}}
  char **outer = malloc(sizeof(char *)); // expected-remark {{allocation does not escape; would move to the stack}}
  *outer = inner;
  char *p[1] = {(char *)outer};
  char *r = first8(p); // expected-remark {{'r' escapes to heap: returned from 'holder'}}
  free(outer);
  return r;
}

// A helper that puts one block of the array inside another moves it one
// level deeper: copying the outer block's bytes out then copies a pointer
// to the inner one, which must escape.  Not knowing which block went
// where, the analysis lets both escape.
static void nest(char **a) { *(char **)a[0] = a[1]; } // expected-remark {{leaking param content: 'a' to '**a'}}

char *nested(void) {
  char *a[2] = {malloc(8), malloc(8)}; // expected-remark 2 {{allocation escapes to heap: deep content leaks through parameter 'parts' of 'first8'}}
  nest(a);
  char *r = first8(a); // expected-remark {{'r' escapes to heap: returned from 'nested'}}
  free(a[0]);
  return r;
}
