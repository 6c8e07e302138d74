// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// Indexing a local array of numbers reads it in place: its memory does not
// take in unknown pointers, so the numbers read from it and stored into a
// block do not make the blocks linked after it escape.  Taking its address
// does (a pointer copied back out of it may point anywhere:
// hazard-pointer-copied-back.c).
#include "alloc.h"

struct qn { int v, d; struct qn *next; };

int bfs(int n) {
  struct qn *head = malloc(sizeof *head), *tail = head; // expected-remark {{allocation does not escape; would move to the stack}}
  head->v = 0;
  head->d = 0;
  head->next = 0;
  int maxd = 0;
  while (head) {
    struct qn *q = head;
    int nb[3] = {2 * q->v + 1, 2 * q->v + 2, q->v / 2};
    for (int k = 0; k < 3; k++) {
      if (nb[k] >= n)
        continue;
      struct qn *x = malloc(sizeof *x); // expected-remark {{allocation does not escape; would move to the frame arena}}
      x->v = nb[k];
      x->d = q->d + 1;
      x->next = 0;
      tail->next = x;
      tail = x;
    }
    if (q->d > maxd)
      maxd = q->d;
    head = q->next;
    free(q);
  }
  return maxd;
}
