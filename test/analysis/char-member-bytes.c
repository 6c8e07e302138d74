// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A string read out of a character-array member (`strdup(n->name)`,
// `strcpy(g, n->name)`, `snprintf`'s `%s`) holds what the member's bytes
// may hold: not the pointers stored into the struct's pointer members by
// name (`n->vals = p`, `n->kids[i] = p`, `n->in.next = p`), whose bytes are
// others.  Anything else that writes the object (a store through another
// pointer, memcpy, a byte loop, a union member, a member of another struct
// type laid over it) may write the member's bytes:
// hazard-char-member-bytes.c.
#include "alloc.h"
char *stpcpy(char *, const char *);
char *strncpy(char *, const char *, size_t);

struct inner { struct inner *next; char tag[8]; };
struct node {
  char name[16];
  int *vals;
  struct node *kids[2];
  struct inner in;
};

char *names[8];
char saved[64];

void strdup_name(int k, const char *nm) { // expected-remark {{leaking param content: 'nm'}}
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  n->vals = malloc(4 * sizeof(int)); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(n->name, nm);
  n->vals[0] = k;
  names[k & 7] = strdup(n->name); // expected-remark {{'names[k & 7]' escapes to heap: stored into 'names[k & 7]'}}
  printf("%s %d\n", n->name, n->vals[0]);
  free(n->vals);
  free(n);
}

void string_copies(const char *nm) { // expected-remark {{leaking param content: 'nm'}}
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  n->kids[0] = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  n->in.next = malloc(sizeof n->in); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(n->name, nm);
  strcpy(n->in.tag, "t");
  strcpy(saved, n->name);
  strcat(saved, &n->name[0]);
  stpcpy(saved, n->in.tag);
  strncpy(saved, (const char *)n->name, sizeof saved);
  snprintf(saved, sizeof saved, "%s-%s", n->name, n->in.tag);
  free(n->in.next);
  free(n->kids[0]);
  free(n);
}

// The bytes of a whole struct, or n bytes from the member on, may run
// past the member into the pointer members.
void bytes_copied(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  n->vals = malloc(4 * sizeof(int)); // expected-remark {{'n->vals' escapes to heap: copied by 'memcpy'}}
  strcpy(n->name, "x");
  memcpy(saved, n->name, sizeof *n);
  free(n->vals);
  free(n);
}
