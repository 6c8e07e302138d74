// A binary min-heap of pointers to malloc'd task nodes: a scheduler
// simulation that pushes and pops tasks, a k-way merge of sorted runs, and
// a Dijkstra over a small grid.  Every heap is emptied (nodes freed) and
// its array freed before the function returns.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct task { long prio; int id; char name[20]; };
struct pq { struct task **a; int n, cap; };

static void pq_push(struct pq *q, struct task *t) {
  if (q->n == q->cap) {
    q->cap = q->cap ? q->cap * 2 : 8;
    q->a = realloc(q->a, sizeof *q->a * (size_t)q->cap);  // keep: stored in the caller's queue
  }
  int i = q->n++;
  while (i > 0) {
    int p = (i - 1) / 2;
    if (q->a[p]->prio < t->prio || (q->a[p]->prio == t->prio && q->a[p]->id < t->id)) break;
    q->a[i] = q->a[p];
    i = p;
  }
  q->a[i] = t;
}

static struct task *pq_pop(struct pq *q) {
  if (!q->n) return NULL;
  struct task *top = q->a[0], *last = q->a[--q->n];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= q->n) break;
    if (c + 1 < q->n && (q->a[c + 1]->prio < q->a[c]->prio ||
                         (q->a[c + 1]->prio == q->a[c]->prio && q->a[c + 1]->id < q->a[c]->id)))
      c++;
    if (last->prio < q->a[c]->prio || (last->prio == q->a[c]->prio && last->id < q->a[c]->id)) break;
    q->a[i] = q->a[c];
    i = c;
  }
  q->a[i] = last;
  return top;
}

static long schedule(int n) {
  struct pq q = { 0 };
  long clock = 0;
  unsigned long check = 0;
  int id = 0;
  for (int i = 0; i < n; i++) {
    struct task *t = malloc(sizeof *t);
    t->id = id++;
    t->prio = clock + (long)i * 7919 % 101;
    snprintf(t->name, sizeof t->name, "task-%d", t->id);
    pq_push(&q, t);
    if (i % 3 == 2) {
      struct task *r = pq_pop(&q);
      clock = r->prio;
      check = check * 31 + (unsigned long)r->id + strlen(r->name);
      free(r);
    }
  }
  struct task *r;
  while ((r = pq_pop(&q))) { check = check * 31 + (unsigned long)r->id; free(r); }
  free(q.a);
  return (long)(check % 1000000007u);
}

static long merge_runs(int k, int len) {
  struct pq q = { 0 };
  int *runs = malloc(sizeof(int) * (size_t)(k * len));
  for (int r = 0; r < k; r++)
    for (int i = 0; i < len; i++) runs[r * len + i] = i * (r + 2) + r;
  for (int r = 0; r < k; r++) {
    struct task *t = malloc(sizeof *t);
    t->prio = runs[r * len];
    t->id = r * len;
    t->name[0] = 0;
    pq_push(&q, t);
  }
  long sum = 0, prev = -1, sorted = 1, count = 0;
  struct task *t;
  while ((t = pq_pop(&q))) {
    if (t->prio < prev) sorted = 0;
    prev = t->prio;
    sum += t->prio * (count++ % 5);
    if ((t->id + 1) % len) { t->id++; t->prio = runs[t->id]; pq_push(&q, t); }
    else free(t);
  }
  free(runs);
  free(q.a);
  return sorted ? sum : -1;
}

static long dijkstra(int w, int h) {
  long *dist = malloc(sizeof(long) * (size_t)(w * h));
  for (int i = 0; i < w * h; i++) dist[i] = -1;
  struct pq q = { 0 };
  struct task *s = calloc(1, sizeof *s);
  pq_push(&q, s);
  struct task *t;
  while ((t = pq_pop(&q))) {
    int v = t->id;
    if (dist[v] < 0) {
      dist[v] = t->prio;
      int x = v % w, y = v / w, nb[4] = { v - 1, v + 1, v - w, v + w };
      int ok[4] = { x > 0, x < w - 1, y > 0, y < h - 1 };
      for (int k = 0; k < 4; k++) {
        if (!ok[k] || dist[nb[k]] >= 0) continue;
        struct task *n = malloc(sizeof *n);
        n->id = nb[k];
        n->prio = t->prio + 1 + (nb[k] * 37) % 9;
        pq_push(&q, n);
      }
    }
    free(t);
  }
  long r = dist[w * h - 1];
  free(dist);
  free(q.a);
  return r;
}

int main(void) {
  printf("schedule %ld\n", schedule(1000));
  printf("schedule %ld\n", schedule(300000));
  printf("merge %ld\n", merge_runs(7, 5000));
  printf("dijkstra %ld %ld\n", dijkstra(10, 10), dijkstra(300, 200));
  return 0;
}
