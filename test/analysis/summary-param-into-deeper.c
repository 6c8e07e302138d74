// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A block a callee stores into the blocks a parameter's pointee points to
// (a vector's items) lands there in the caller, not in every block the
// argument reaches: the string pushed is not taken to point to itself, so
// a hash of its characters returned carries no address.  A store further
// down (a list's second node) reaches every block below the pointee.
#include "alloc.h"

struct vec { char **items; size_t n; };
static void push(struct vec *v, char *s) { v->items[v->n++] = s; } // expected-remark {{leaking param: 's' to '**v'}}

unsigned long hash_words(int k) {
  char *slots[8];
  struct vec v = {slots, 0};
  for (int i = 0; i < k && i < 8; i++) {
    char *s = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: object may be live across loop iterations}}
    s[0] = (char)('a' + i);
    s[1] = 0;
    push(&v, s);
  }
  unsigned long h = 5381;
  for (size_t i = 0; i < v.n; i++) {
    for (const char *p = v.items[i]; *p; p++)
      h = h * 33 + (unsigned char)*p;
    free(v.items[i]);
  }
  return h;
}

struct node { struct node *next; char *val; };
static void put_second(struct node *head, char *s) { head->next->val = s; } // expected-remark {{leaking param: 's' to '**head'}}

struct node *g_list;
void publish_second(void) {
  struct node *second = malloc(sizeof *second); // expected-remark {{'second' escapes to heap: assigned to global 'g_list'}}
  struct node first = {second, NULL};
  second->next = NULL;
  char *s = malloc(8); // expected-remark {{'s' escapes to heap}}
  put_second(&first, s);
  g_list = second;
}

static void put_third(struct node *head, char *s) { head->next->next->val = s; } // expected-remark {{leaking param: 's' to '**head'}}

void publish_third(void) {
  struct node *third = malloc(sizeof *third); // expected-remark {{'third' escapes to heap: assigned to global 'g_list'}}
  struct node *second = malloc(sizeof *second); // expected-remark {{allocation does not escape; would move to the stack}}
  struct node first = {second, NULL};
  second->next = third;
  third->next = NULL;
  char *s = malloc(8); // expected-remark {{'s' escapes to heap}}
  put_third(&first, s);
  g_list = third;
  free(second);
}
