// REQUIRES: plugin, rt-core
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc 2> %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
//
// Lists built by a constructor and freed node by node, in the function
// and by a helper, move to the frame arena; a list one of whose nodes is
// kept stays on the heap.  The program prints what plain clang's build
// prints, with released arena memory poisoned.
#include <stdio.h>
#include <stdlib.h>

struct node {
  long val;
  struct node *next;
};

static struct node *push(struct node *head, long v) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    exit(1);
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

static long sum(const struct node *p) {
  long s = 0;
  for (; p; p = p->next)
    s = s * 3 + p->val;
  return s;
}

static long inline_free(int k) {
  struct node *head = NULL;
  for (int i = 0; i < k; i++)
    head = push(head, i); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
  long s = sum(head);
  while (head) {
    struct node *nx = head->next;
    free(head);
    head = nx;
  }
  return s;
}

static long helper_free(int k) {
  struct node *head = NULL;
  for (int i = 0; i < k; i++)
    head = push(head, i * 7); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: allocation does not escape; moved to the frame arena
  long s = sum(head);
  free_list(head);
  return s;
}

static struct node *kept;
static long keep_one(int k) {
  struct node *head = NULL;
  for (int i = 0; i < k; i++)
    head = push(head, i + 100); // REMARK: [[@LINE]]:{{[0-9]+}}: remark: 'head' escapes to heap
  kept = head->next;
  head->next = NULL;
  long s = head->val;
  free(head);
  return s;
}

int main(void) {
  long total = 0;
  for (int r = 0; r < 2000; r++)
    total += inline_free(r % 50) % 1000003 + helper_free(r % 37) % 1000003;
  long k = keep_one(10);
  printf("total %ld kept %ld first %ld\n", total, k, kept->val);
  printf("kept list %ld\n", sum(kept));
  free_list(kept);
  return 0;
}
// CHECK: total {{[0-9]+}} kept 109 first 108
