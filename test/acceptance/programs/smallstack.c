// A worker thread with a small stack (pthread_attr_setstacksize 64 KiB)
// runs a non-recursive call chain whose functions each hold a few KiB of
// blocks that could move to the stack, a recursive walk 40 levels deep
// with a 1 KiB block per level, and formatting through snprintf at the
// bottom.  Plain code needs a few KiB of the 64; escape-cc's build must
// still fit.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long stage5(int x) {
  char *a = malloc(3000);
  char *b = malloc(3000);
  int n = snprintf(a, 3000, "stage5 %d %s", x, "done");
  memcpy(b, a, (size_t)n + 1);
  long r = (long)strlen(b) + x % 7;
  free(b);
  free(a);
  return r;
}

static long stage4(int x) {
  int *t = malloc(sizeof(int) * 1000);
  for (int i = 0; i < 1000; i++) t[i] = x ^ i;
  long r = stage5(t[x % 1000]) + t[999] % 5;
  free(t);
  return r;
}

static long stage3(int x) {
  double *d = malloc(sizeof(double) * 500);
  char *s = malloc(1000);
  for (int i = 0; i < 500; i++) d[i] = x * 0.25 + i;
  snprintf(s, 1000, "%.2f", d[499]);
  long r = stage4(x + (int)strlen(s)) + (long)d[0] % 3;
  free(s);
  free(d);
  return r;
}

static long stage2(int x) {
  char *p = calloc(4000, 1);
  memset(p, 'z', 3999);
  long r = stage3(x + 1) + (long)strlen(p) % 9;
  free(p);
  return r;
}

static long stage1(int x) {
  long *w = malloc(sizeof(long) * 480);
  char *tag = malloc(512);
  for (int i = 0; i < 480; i++) w[i] = i * x;
  snprintf(tag, 512, "w%ld", w[479]);
  long r = stage2(x) + (long)strlen(tag);
  free(tag);
  free(w);
  return r;
}

static long walk(int depth) {
  char *node = malloc(1024);
  memset(node, depth, 1024);
  long r = node[1023] + (depth ? walk(depth - 1) : stage1(depth));
  free(node);
  return r;
}

struct job { int n; long result; };

static void *worker(void *arg) {
  struct job *j = arg;
  long sum = 0;
  for (int i = 0; i < j->n; i++) sum += stage1(i) + walk(40);
  j->result = sum;
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (pthread_attr_setstacksize(&attr, 64 * 1024) != 0) { printf("setstacksize failed\n"); return 1; }
  struct job jobs[2] = { { 100, 0 }, { 2000, 0 } };
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], &attr, worker, &jobs[i]);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  pthread_attr_destroy(&attr);
  printf("results %ld %ld\n", jobs[0].result, jobs[1].result);
  return 0;
}
