// Long-running loops whose objects are freed out of allocation order: a
// local FIFO of requests (an event loop), the previous/current line pair of
// a diff-style scan, and a breadth-first search with a local queue.  Nothing
// leaves its function; peak memory must stay bounded by what is live.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct req { int id; char body[48]; struct req *next; };

static long event_loop(int n) {
  struct req *head = NULL, *tail = NULL;
  int queued = 0;
  long served = 0;
  for (int i = 0; i < n; i++) {
    struct req *r = malloc(sizeof *r);
    r->id = i;
    snprintf(r->body, sizeof r->body, "GET /item/%d", i % 1000);
    r->next = NULL;
    if (tail) tail->next = r; else head = r;
    tail = r;
    if (++queued > 3) {           /* serve the oldest request */
      struct req *old = head;
      head = old->next;
      served += old->id % 7 + (long)strlen(old->body);
      free(old);
      queued--;
    }
  }
  while (head) {
    struct req *next = head->next;
    served += head->id % 7;
    free(head);
    head = next;
  }
  return served;
}

static long compare_lines(int n) {
  char *prev = NULL;
  long same = 0;
  for (int i = 0; i < n; i++) {
    char *cur = malloc(64);
    snprintf(cur, 64, "line %d", (i / 3) * 3);
    if (prev && strcmp(prev, cur) == 0) same++;
    free(prev);
    prev = cur;
  }
  free(prev);
  return same;
}

static int bfs(int n) {
  /* implicit graph: i -> 2i+1, 2i+2, i/2 */
  unsigned char *seen = calloc((size_t)n, 1);
  struct qn { int v, d; struct qn *next; } *head = malloc(sizeof *head), *tail = head;
  head->v = 0; head->d = 0; head->next = NULL;
  seen[0] = 1;
  int maxd = 0;
  while (head) {
    struct qn *q = head;
    int nb[3] = {2 * q->v + 1, 2 * q->v + 2, q->v / 2};
    for (int k = 0; k < 3; k++) {
      if (nb[k] >= n || seen[nb[k]]) continue;
      seen[nb[k]] = 1;
      struct qn *x = malloc(sizeof *x);
      x->v = nb[k]; x->d = q->d + 1; x->next = NULL;
      tail->next = x;
      tail = x;
    }
    if (q->d > maxd) maxd = q->d;
    head = q->next;
    free(q);
  }
  free(seen);
  return maxd;
}

int main(void) {
  printf("served %ld\n", event_loop(3000000));
  printf("same lines %ld\n", compare_lines(3000000));
  printf("bfs depth %d\n", bfs(2000000));
  return 0;
}
