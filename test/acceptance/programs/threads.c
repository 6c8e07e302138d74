// Threads each allocating scratch, a result block handed back through
// pthread_join, and a shared block handed to every thread.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job { int id; int n; const int *shared; };

static long crunch(int id, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    char *tmp = malloc(40);
    snprintf(tmp, 40, "%d-%d", id, i);
    s += (long)strlen(tmp);
    int *v = calloc(8, sizeof *v);
    for (int k = 0; k < 8; k++) v[k] = (i + k) % 5;
    for (int k = 0; k < 8; k++) s += v[k];
    free(v);
    free(tmp);
  }
  return s;
}

static void *worker(void *arg) {
  struct job *j = arg;
  long *res = malloc(sizeof *res);  // keep: returned to pthread_join
  char *name = malloc(16);
  snprintf(name, 16, "w%d", j->id);
  *res = crunch(j->id, j->n) + (long)strlen(name) + j->shared[j->id];
  free(name);
  return res;
}

int main(void) {
  enum { T = 4 };
  pthread_t th[T];
  struct job *jobs = malloc(sizeof(struct job) * T);  // keep: handed to threads
  int *shared = malloc(sizeof(int) * T);  // keep: handed to threads
  for (int i = 0; i < T; i++) shared[i] = i * 100;
  for (int i = 0; i < T; i++) {
    jobs[i].id = i;
    jobs[i].n = 20000 + i;
    jobs[i].shared = shared;
    if (pthread_create(&th[i], NULL, worker, &jobs[i]) != 0) return 1;
  }
  long total = 0;
  for (int i = 0; i < T; i++) {
    void *r;
    pthread_join(th[i], &r);
    printf("thread %d -> %ld\n", i, *(long *)r);
    total += *(long *)r;
    free(r);
  }
  printf("total %ld\n", total);
  free(shared);
  free(jobs);
  return 0;
}
