// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A list built by a constructor of the unit and freed node by node: free
// reads nothing and stores nothing through its argument.  It used to be
// taken for a builtin that may load and store through its pointers, which
// stored the list's nodes into whatever the last link might point to
// ("stored by 'free'"), and a helper that frees a list seemed to store its
// links deeper into it.
#include "alloc.h"

struct node {
  int val;
  struct node *next;
};

static struct node *push(struct node *head, int v) { // expected-remark {{leaking param: 'head' to result content}}
  struct node *n = malloc(sizeof *n); // expected-remark {{'n' escapes to heap: returned from 'push'}}
  n->val = v;
  n->next = head;
  return n;
}

static void free_list(struct node *h) {
  while (h) {
    struct node *nx = h->next;
    free(h);
    h = nx;
  }
}

int sum_inline(int k) {
  struct node *head = 0;
  for (int i = 0; i < k; i++)
    head = push(head, i); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int s = 0;
  for (struct node *p = head; p; p = p->next)
    s += p->val;
  while (head) {
    struct node *nx = head->next;
    free(head);
    head = nx;
  }
  return s;
}

int sum_helper(int k) {
  struct node *head = 0;
  for (int i = 0; i < k; i++)
    head = push(head, i); // expected-remark {{allocation does not escape; would move to the frame arena}}
  int s = 0;
  for (struct node *p = head; p; p = p->next)
    s += p->val;
  free_list(head);
  return s;
}

struct node *kept;
int sum_kept(int k) {
  struct node *head = 0;
  for (int i = 0; i < k; i++)
    head = push(head, i); // expected-remark {{'head' escapes to heap: assigned to global 'kept'}}
  kept = head->next;
  return head->val;
}
