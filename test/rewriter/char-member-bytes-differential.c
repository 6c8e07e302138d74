// REQUIRES: escape-cc
// RUN: %clang -O2 -I %inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 -I %inputs %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -I %inputs %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// Names copied out of a struct's character array into a global table: the
// block the struct's pointer member holds moves (the name's bytes are not
// the member's), while a block whose address a byte loop, or a pointer
// member of another struct type laid over the name, put into the name's
// bytes is read back from the copy after its function returned, and stays
// on the heap.
// CHECK: ann 3
// CHECK-NEXT: bob 6
// CHECK-NEXT: ann bob
// CHECK-NEXT: kept loop
// CHECK-NEXT: kept view
// CHECK-NEXT: kept records
// REMARK-DAG: char-member-bytes-differential.c:[[@LINE+17]]:{{.*}}moved to the stack
// REMARK-DAG: char-member-bytes-differential.c:[[@LINE+29]]:{{.*}}'p' escapes to heap
// REMARK-DAG: char-member-bytes-differential.c:[[@LINE+43]]:{{.*}}'p' escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

struct node { char name[16]; int *vals; };
struct view { char *first; char rest[16]; };

static char *table[4];
static char *back[3];
static int whole[3];

__attribute__((noinline)) static int add(int k, const char *nm) {
  struct node *n = malloc(sizeof *n);
  n->vals = malloc(4 * sizeof(int));
  strcpy(n->name, nm);
  for (int i = 0; i < 4; i++)
    n->vals[i] = k * (i + 1);
  table[k] = strdup(n->name);
  int r = n->vals[0] + n->vals[1];
  free(n->vals);
  free(n);
  return r;
}

__attribute__((noinline)) static void by_loop(void) {
  struct node *n = malloc(sizeof *n);
  char *p = malloc(16);
  strcpy(p + 9, "loop");
  char *m = p + 9;
  for (unsigned i = 0; i < sizeof m; i++)
    n->name[i] = ((char *)&m)[i];
  n->name[sizeof m] = 0;
  char *q = strdup(n->name);
  whole[0] = strlen(q) >= 6;
  memcpy(&back[0], q, 7);
  free(q);
  free(n);
}

__attribute__((noinline)) static void by_view(void) {
  struct node *n = malloc(sizeof *n);
  char *p = malloc(16);
  strcpy(p + 9, "view");
  ((struct view *)n)->first = p + 9;
  n->name[sizeof(char *)] = 0;
  char *q = strdup(n->name);
  whole[1] = strlen(q) >= 6;
  memcpy(&back[1], q, 7);
  free(q);
  free(n);
}

// Two records packed in one buffer: the second's pointer member lies over
// the first's name.
struct rec { char *vals; char name[]; };

__attribute__((noinline)) static void by_records(void) {
  char *buf = malloc(64);
  char *p = malloc(16);
  strcpy(p + 9, "records");
  struct rec *r1 = (struct rec *)buf, *r2 = (struct rec *)(buf + 16);
  memcpy(r1->name, "12345678", 8);
  r2->vals = p + 9;
  buf[32] = 0;
  char *q = strdup(r1->name);
  whole[2] = strlen(q) >= 14;
  memcpy(&back[2], q + 8, 7);
  free(q);
  free(buf);
}

int main(void) {
  printf("ann %d\n", add(1, "ann"));
  printf("bob %d\n", add(2, "bob"));
  by_loop();
  by_view();
  by_records();
  int s = scribble(3);
  printf("%s %s\n", table[1], table[2]);
  printf("kept %s\n", whole[0] ? back[0] : "loop");
  printf("kept %s\n", whole[1] ? back[1] : "view");
  printf("kept %s\n", whole[2] ? back[2] : "records");
  return s == 0;
}
