// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A hand-written memcpy may copy each byte through an integer variable
// (`int c = *s; *d = c;`, strcpy's `while ((c = *s++)) *d++ = c;`): what
// the bytes read may belong to is copied on like `*d = *s`, so a block whose
// address is among them escapes when the copy does.
#include "alloc.h"

static void copy_via_unsigned(void *dst, const void *src, unsigned long n) { // expected-remark {{leaking param content: 'src' to '*dst'}}
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) {
    unsigned v = *s++;
    *d++ = (unsigned char)v;
  }
}

struct box { int tag; char *payload; };

char *unbox(const char *t) { // expected-remark {{leaking param content: 't'}} expected-remark {{leaking param content: 't' to result}}
  struct box *b = malloc(sizeof *b); // expected-remark {{allocation does not escape; would move to the stack}}
  b->tag = 1;
  b->payload = strdup(t); // expected-remark {{'b->payload' escapes to heap: returned from 'unbox'}}
  char *r;
  copy_via_unsigned(&r, &b->payload, sizeof r);
  free(b);
  return r;
}

// Assigned in the loop condition, through a second variable and a cast.
static void copy_cond(char *d, const char *s, unsigned long n) { // expected-remark {{leaking param content: 's' to '*d'}}
  int c, k;
  while (n-- && ((c = (unsigned char)*s++), 1)) {
    k = c;
    *d++ = (char)k;
  }
}

char *unbox_cond(const char *t) { // expected-remark {{leaking param content: 't'}} expected-remark {{leaking param content: 't' to result}}
  char **cell = malloc(sizeof *cell); // expected-remark {{allocation does not escape; would move to the stack}}
  *cell = strdup(t); // expected-remark {{'*cell' escapes to heap: returned from 'unbox_cond'}}
  char *r;
  copy_cond((char *)&r, (const char *)cell, sizeof r);
  free(cell);
  return r;
}

// A character variable read and stored again, and an int-typed copy loop
// whose bytes stay in the frame: nothing escapes.
int checksum(const char *t) {
  char *s = strdup(t); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *u = malloc(64); // expected-remark {{allocation does not escape; would move to the stack}}
  int sum = 0;
  for (int i = 0; s[i] && i < 63; i++) {
    int c = s[i];
    u[i] = c;
    sum += c;
  }
  free(s);
  free(u);
  return sum;
}

// Through integer memory: a local array of ints.
static void copy_via_ints(void *dst, const void *src, unsigned long n) { // expected-remark {{leaking param content: 'src' to '*dst'}}
  const unsigned char *s = src;
  unsigned char *d = dst;
  int tmp[64];
  for (unsigned long i = 0; i < n && i < 64; i++)
    tmp[i] = s[i];
  for (unsigned long i = 0; i < n && i < 64; i++)
    d[i] = tmp[i];
}

char *unbox_ints(const char *t) { // expected-remark {{leaking param content: 't'}} expected-remark {{leaking param content: 't' to result}}
  struct box *b = malloc(sizeof *b); // expected-remark {{allocation does not escape; would move to the stack}}
  b->payload = strdup(t); // expected-remark {{'b->payload' escapes to heap: returned from 'unbox_ints'}}
  char *r;
  copy_via_ints(&r, &b->payload, sizeof r);
  free(b);
  return r;
}

// Through a call: a helper that stores its integer parameter in memory
// lets the bytes passed to it escape; one that returns bytes it read
// carries them to its caller's store.
static void put(unsigned char *d, int c) { *d = c; }
static int rd(const unsigned char *p) { return *p; }

char *unbox_put(const char *t) { // expected-remark {{leaking param content: 't'}}
  char **cell = malloc(sizeof *cell); // expected-remark {{allocation does not escape; would move to the stack}}
  *cell = strdup(t); // expected-remark {{'*cell' escapes to heap: stored as bytes by 'put'}}
  char *r;
  for (unsigned i = 0; i < sizeof r; i++)
    put((unsigned char *)&r + i, ((const unsigned char *)cell)[i]);
  free(cell);
  return r;
}

char *unbox_rd(const char *t) { // expected-remark {{leaking param content: 't'}}
  char **cell = malloc(sizeof *cell); // expected-remark {{allocation does not escape; would move to the stack}}
  *cell = strdup(t); // expected-remark {{'*cell' escapes to heap: returned from 'unbox_rd'}}
  char *r;
  for (unsigned i = 0; i < sizeof r; i++)
    ((unsigned char *)&r)[i] = rd((const unsigned char *)cell + i);
  free(cell);
  return r;
}

// A pointer assembled from its bytes points to what they belong to.
char *assemble(const char *t) { // expected-remark {{leaking param content: 't'}}
  char **cell = malloc(sizeof *cell); // expected-remark {{allocation does not escape; would move to the stack}}
  *cell = strdup(t); // expected-remark {{'*cell' escapes to heap: returned from 'assemble'}}
  unsigned long x = 0;
  for (int i = 0; i < 8; i++)
    x |= (unsigned long)((const unsigned char *)cell)[i] << (8 * i);
  free(cell);
  return (char *)x;
}

// A byte value that is only compared or counted goes nowhere.
int count_spaces(const char *t) {
  char *s = strdup(t); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int n = 0;
  for (int i = 0; s[i]; i++) {
    int c = s[i];
    n += c == ' ';
  }
  free(s);
  return n;
}
