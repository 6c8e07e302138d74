// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 -fplugin-arg-escape-solver-budget=350 %s -o %t.cut 2> %t.cut.remarks
// RUN: FileCheck --check-prefix=CUT %s < %t.cut.remarks
// RUN: %t.cut > %t.cut.out 2>&1
// RUN: diff %t.plain.out %t.cut.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.esc.remarks
// RUN: FileCheck --check-prefix=FULL %s < %t.esc.remarks
// RUN: %t.esc > %t.esc.out 2>&1
// RUN: diff %t.plain.out %t.esc.out
// A function whose points-to facts pass the solver's budget is left as if
// its body were in another file: its own blocks stay on the heap, with
// the reason, and what its callers pass it leaks.  A small function of
// the same file is analysed as ever.  Under the default budget every
// block moves.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  struct node *next;
  int v;
};

/* Links nodes into a list, reads the caller's block, sums
   the list and frees it: many points-to facts for its size. */
static int linked(char *tag, int k) {
  struct node *head = NULL;
  for (int i = 0; i < k; i++) {
    struct node *n0 = malloc(sizeof *n0), *n1 = malloc(sizeof *n1), *n2 = malloc(sizeof *n2), *n3 = malloc(sizeof *n3);
    struct node *n4 = malloc(sizeof *n4), *n5 = malloc(sizeof *n5), *n6 = malloc(sizeof *n6), *n7 = malloc(sizeof *n7);
    struct node *n8 = malloc(sizeof *n8), *n9 = malloc(sizeof *n9), *n10 = malloc(sizeof *n10), *n11 = malloc(sizeof *n11);
    struct node *n12 = malloc(sizeof *n12), *n13 = malloc(sizeof *n13), *n14 = malloc(sizeof *n14), *n15 = malloc(sizeof *n15);
    struct node *n16 = malloc(sizeof *n16), *n17 = malloc(sizeof *n17), *n18 = malloc(sizeof *n18), *n19 = malloc(sizeof *n19);
    struct node *n20 = malloc(sizeof *n20), *n21 = malloc(sizeof *n21), *n22 = malloc(sizeof *n22), *n23 = malloc(sizeof *n23);
    n0->v = i; n0->next = head; n1->v = i; n1->next = n0; n2->v = i; n2->next = n1; n3->v = i; n3->next = n2;
    n4->v = i; n4->next = n3; n5->v = i; n5->next = n4; n6->v = i; n6->next = n5; n7->v = i; n7->next = n6;
    n8->v = i; n8->next = n7; n9->v = i; n9->next = n8; n10->v = i; n10->next = n9; n11->v = i; n11->next = n10;
    n12->v = i; n12->next = n11; n13->v = i; n13->next = n12; n14->v = i; n14->next = n13; n15->v = i; n15->next = n14;
    n16->v = i; n16->next = n15; n17->v = i; n17->next = n16; n18->v = i; n18->next = n17; n19->v = i; n19->next = n18;
    n20->v = i; n20->next = n19; n21->v = i; n21->next = n20; n22->v = i; n22->next = n21; n23->v = i; n23->next = n22;
    head = n23;
  }
  int s = tag[0];
  while (head) {
    struct node *n = head->next;
    s += head->v;
    free(head);
    head = n;
  }
  return s;
}

/* Small: analysed whatever the budget. */
static int scratch(int k) {
  char *b = malloc(16);
  memset(b, k, 16);
  int s = b[3];
  free(b);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  char *tag = malloc(8);
  strcpy(tag, "t");
  int s = linked(tag, 10 + argc) + scratch(argc);
  free(tag);
  printf("%d\n", s);
  return 0;
}
// CUT: 31:23: remark: 'n0' escapes to heap: the function is too large to analyse: the solver spent its budget of 350 steps (-fplugin-arg-escape-solver-budget)
// CUT: 57:13: remark: allocation does not escape; moved to the stack
// CUT: 66:15: remark: 'tag' escapes to heap: passed to 'linked', whose parameter 'tag' leaks
// CUT: remark: leaking param: 'tag'
// FULL-COUNT-24: remark: allocation does not escape; moved to the frame arena
// FULL: 57:13: remark: allocation does not escape; moved to the stack
// FULL: 66:15: remark: allocation does not escape; moved to the stack
// FULL-NOT: too large
