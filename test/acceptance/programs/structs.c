// Small structs malloc'd, filled by an init helper, read by static helpers,
// freed at the end.  Kept: nodes linked into the list main owns.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point { int x, y; };
struct rect { struct point lo, hi; char name[16]; };
struct node { struct rect r; struct node *next; };

static void rect_init(struct rect *r, int x0, int y0, int x1, int y1, const char *name) {
  r->lo.x = x0; r->lo.y = y0; r->hi.x = x1; r->hi.y = y1;
  strncpy(r->name, name, sizeof r->name - 1);
  r->name[sizeof r->name - 1] = '\0';
}

static int rect_area(const struct rect *r) {
  return (r->hi.x - r->lo.x) * (r->hi.y - r->lo.y);
}

static int rect_overlaps(const struct rect *a, const struct rect *b) {
  return a->lo.x < b->hi.x && b->lo.x < a->hi.x && a->lo.y < b->hi.y && b->lo.y < a->hi.y;
}

static void rect_print(const struct rect *r) {
  printf("%s [%d,%d]-[%d,%d] area %d\n", r->name, r->lo.x, r->lo.y, r->hi.x, r->hi.y,
         rect_area(r));
}

static int overlap_count(int k) {
  struct rect *a = malloc(sizeof *a);
  struct rect *b = malloc(sizeof *b);
  rect_init(a, 0, 0, 10, 10, "a");
  int hits = 0;
  for (int i = 0; i < k; i++) {
    rect_init(b, i, i, i + 3, i + 3, "b");
    hits += rect_overlaps(a, b);
  }
  free(b);
  free(a);
  return hits;
}

static struct point *centroid(const struct rect *r, struct point *out) {
  out->x = (r->lo.x + r->hi.x) / 2;
  out->y = (r->lo.y + r->hi.y) / 2;
  return out;
}

static int centroid_sum(void) {
  struct rect *r = malloc(sizeof *r);
  struct point *c = malloc(sizeof *c);
  rect_init(r, 2, 4, 8, 12, "c");
  rect_print(r);
  int s = centroid(r, c)->x + c->y;
  free(c);
  free(r);
  return s;
}

static void push(struct node **head, int i) {
  struct node *n = malloc(sizeof *n);  // keep: linked into the caller's list
  char name[16];
  snprintf(name, sizeof name, "n%d", i);
  rect_init(&n->r, i, i, i * 2 + 1, i + 4, name);
  n->next = *head;
  *head = n;
}

int main(void) {
  printf("overlaps %d\n", overlap_count(20));
  printf("centroid sum %d\n", centroid_sum());
  struct node *list = NULL;
  for (int i = 0; i < 6; i++) push(&list, i);
  int total = 0;
  for (struct node *n = list; n; n = n->next) {
    rect_print(&n->r);
    total += rect_area(&n->r);
  }
  printf("total area %d\n", total);
  while (list) {
    struct node *next = list->next;
    free(list);
    list = next;
  }
  return 0;
}
