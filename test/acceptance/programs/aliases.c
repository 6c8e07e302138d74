// Pointers reached through other local pointers: an allocation written
// through a char ** local, two pointers swapped through a helper, a local
// array of pointers freed in reverse, a conditional free of one of two
// blocks, a block handed to a static helper by value inside a struct, and
// a linked list built and torn down in one function.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int v; struct node *next; };
struct view { const char *p; size_t n; };

static void swap(char **a, char **b) { char *t = *a; *a = *b; *b = t; }

static size_t view_len(struct view v) { return v.n + (v.p[0] == 'x'); }

static void set_out(char **out, size_t n) { *out = malloc(n); }  // keep: stored through an out-parameter

static int through_pp(int k) {
  char *p = NULL;
  char **pp = &p;
  *pp = malloc(20);
  snprintf(p, 20, "pp%d", k);
  int r = (int)strlen(*pp);
  free(p);
  return r;
}

static int via_out_param(int k) {
  char *q;
  set_out(&q, 30);
  snprintf(q, 30, "out-param-%d", k);
  int r = (int)strlen(q);
  free(q);
  return r;
}

static int swapped(int k) {
  char *a = malloc(10), *b = malloc(20);
  strcpy(a, "short");
  snprintf(b, 20, "longer-%d", k);
  swap(&a, &b);
  int r = (int)strlen(a) * 10 + (int)strlen(b);
  free(a);
  free(b);
  return r;
}

static int reversed(int n) {
  char *ptrs[16];
  for (int i = 0; i < 16; i++) {
    ptrs[i] = malloc(8);
    ptrs[i][0] = (char)('a' + i);
  }
  int s = 0;
  for (int i = 15; i >= 0; i--) {
    s = s * 3 + ptrs[i][0] + n;
    free(ptrs[i]);
  }
  return s;
}

static int one_of_two(int k) {
  char *a = malloc(16), *b = malloc(16);
  memset(a, 'a', 16);
  memset(b, 'b', 16);
  char *pick = k % 2 ? a : b;
  int r = pick[3];
  free(pick);
  free(pick == a ? b : a);
  return r;
}

static size_t by_view(int k) {
  char *s = malloc(12);
  snprintf(s, 12, "x%d", k);
  struct view v = { s, strlen(s) };
  size_t r = view_len(v);
  free(s);
  return r;
}

static int list(int n) {
  struct node *head = NULL;
  for (int i = 0; i < n; i++) {
    struct node *nd = malloc(sizeof *nd);
    nd->v = i;
    nd->next = head;
    head = nd;
  }
  int s = 0;
  for (struct node *p = head; p; p = p->next) s += p->v;
  while (head) {
    struct node *nx = head->next;
    free(head);
    head = nx;
  }
  return s;
}

int main(void) {
  int s = 0;
  for (int k = 0; k < 5; k++) s += through_pp(k) + via_out_param(k) + swapped(k);
  printf("pointers %d\n", s);
  printf("reversed %d\n", reversed(2));
  printf("one_of_two %d %d\n", one_of_two(1), one_of_two(2));
  printf("by_view %zu\n", by_view(4));
  printf("list %d\n", list(1000));
  return 0;
}
