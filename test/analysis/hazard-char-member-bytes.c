// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A string read out of a character-array member leaves the pointers stored
// into the struct's pointer members by name behind (char-member-bytes.c),
// but not what was written into the object any other way: each write
// below may put a block's address into the member's bytes, and the string
// copied into a global carries it out.
#include "alloc.h"

struct node { char name[16]; int *vals; };
struct other { void *first; char rest[16]; };
struct punned { union { char name[16]; void *p; } u; int *vals; };

char *names[8];
char saved[64];

void byte_loop(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'names[0]'}}
  for (unsigned i = 0; i < sizeof p; i++)
    n->name[i] = ((char *)&p)[i];
  n->name[sizeof p] = 0;
  names[0] = strdup(n->name); // expected-remark {{'names[0]' escapes to heap: stored into 'names[0]'}}
  free(n);
}

void copied_in(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'memcpy'}}
  memcpy(n->name, &p, sizeof p);
  strcpy(saved, n->name);
  free(n);
}

void cast_store(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'names[1]'}}
  *(int **)n->name = p;
  names[1] = strdup(n->name); // expected-remark {{'names[1]' escapes to heap: stored into 'names[1]'}}
  free(n);
}

void through_pointer(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'names[2]'}}
  int **slot = &n->vals;
  *slot = p; // not by member name: the analysis does not know which bytes
  names[2] = strdup(n->name); // expected-remark {{'names[2]' escapes to heap: stored into 'names[2]'}}
  free(n);
}

void union_member(void) {
  struct punned *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored in a union}}
  n->u.p = p;
  names[3] = strdup(n->u.name); // expected-remark {{'names[3]' escapes to heap: stored into 'names[3]'}}
  free(n);
}

// The same block seen as two struct types: struct other's pointer member
// lies over struct node's name.
void another_type(void) {
  struct node *n = malloc(sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'names[4]'}}
  ((struct other *)n)->first = p;
  names[4] = strdup(n->name); // expected-remark {{'names[4]' escapes to heap: stored into 'names[4]'}}
  free(n);
}

// A struct assigned whole copies its pointer members' bytes as bytes.
void struct_copied(void) {
  struct node *a = malloc(sizeof *a); // expected-remark {{allocation does not escape; would move to the stack}}
  struct node *b = malloc(sizeof *b); // expected-remark {{allocation does not escape; would move to the stack}}
  a->vals = malloc(sizeof *a->vals); // expected-remark {{'a->vals' escapes to heap: stored into 'names[5]'}}
  strcpy(a->name, "a");
  *b = *a;
  names[5] = strdup(b->name); // expected-remark {{'names[5]' escapes to heap: stored into 'names[5]'}}
  free(a->vals);
  free(a);
  free(b);
}

// The same struct type seen at another offset of the block: a view inside
// the name, or the second of two records packed in one buffer.  Only a
// member path from a pointer that holds the block's start (what the
// allocation returned) is taken at its own offset from n's members.
struct rec { char *vals; char name[24]; };

void view_inside_name(void) {
  struct rec *n = malloc(2 * sizeof *n); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'names[6]'}}
  struct rec *v = (struct rec *)(n->name + 8);
  v->vals = (char *)p;
  names[6] = strdup(n->name); // expected-remark {{'names[6]' escapes to heap: stored into 'names[6]'}}
  free(n);
}

void records_in_buffer(void) {
  char *buf = malloc(64); // expected-remark {{allocation does not escape; would move to the stack}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'names[7]'}}
  struct rec *r1 = (struct rec *)buf, *r2 = (struct rec *)(buf + 16);
  r2->vals = (char *)p;
  names[7] = strdup(r1->name); // expected-remark {{'names[7]' escapes to heap: stored into 'names[7]'}}
  free(buf);
}

// The local that held the block's start is moved by inline assembly
// between the store and the read (the block escapes there too).
struct late { char name[16]; char *vals; };
void moved_by_asm(void) {
  struct late *n = malloc(2 * sizeof *n); // expected-remark {{'n' escapes to heap: used by inline assembly}}
  int *p = malloc(sizeof *p); // expected-remark {{'p' escapes to heap: stored into 'n->vals'}}
  n->vals = (char *)p;
  __asm__("" : "+r"(n)); // may leave n 8 bytes on, its name over vals
  names[0] = strdup(n->name); // expected-remark {{'names[0]' escapes to heap: stored into 'names[0]'}}
}
