// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer copied into memory declared as bytes or numbers becomes a number
// the analysis cannot follow (a wire format, an opaque handle, a NaN-boxed
// value): it escapes at the copy.  Copies between memory that holds
// pointers, and copies of plain data, are still followed.
#include "alloc.h"

unsigned long long handle;
void to_bytes(const char *s) { // expected-remark {{leaking param content: 's'}}
  char *p = strdup(s); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'memcpy'}}
  unsigned char b[sizeof p];
  memcpy(b, &p, sizeof p);
  unsigned long long x = 0;
  for (int i = 0; i < 8; i++)
    x |= (unsigned long long)b[i] << (8 * i);
  handle = x;
}

double boxed;
void to_double(const char *s) { // expected-remark {{leaking param content: 's'}}
  char *p = strdup(s); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'memcpy'}}
  double d;
  memcpy(&d, &p, sizeof d);
  boxed = d;
}

struct rec { char *name; int n; };
void to_buffer(char *out) {
  struct rec r;
  r.name = malloc(8); // expected-remark {{'r.name' escapes to heap: copied as raw bytes by 'memmove'}}
  r.n = 1;
  memmove(out, &r, sizeof r);
}

// Into memory of unknown type (a generic buffer): escapes as well.
void to_generic(void *slot) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'memcpy'}}
  memcpy(slot, &p, sizeof p);
}

// Pointer to pointer, struct to struct: followed.
int between_pointers(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *q;
  memcpy(&q, &p, sizeof p);
  q[0] = 1;
  int v = q[0];
  free(q);
  return v;
}

// The characters of a string field copied out: not the struct's pointers.
struct node { struct node *next; char name[16]; };
int copy_name(char *out) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  n->next = 0;
  strcpy(n->name, "x");
  memcpy(out, n->name, sizeof n->name);
  free(n);
  return out[0];
}
