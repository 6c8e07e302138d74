// Eight threads running the same allocation-heavy function at once: fixed
// and dynamic sizes (stack and frame arena), a nested helper with its own
// blocks, a loop that grows a buffer with realloc, and per-thread results
// compared with a single-threaded run of the same work.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define ROUNDS 20000

static unsigned mix(unsigned x) {
  x ^= x >> 16; x *= 0x7feb352dU; x ^= x >> 15; x *= 0x846ca68bU; x ^= x >> 16;
  return x;
}

static unsigned digest(const unsigned char *p, size_t n) {
  unsigned h = 2166136261U;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619U;
  return h;
}

static unsigned helper(unsigned seed) {
  size_t n = 8 + seed % 120;
  unsigned char *tmp = malloc(n);
  for (size_t i = 0; i < n; i++) tmp[i] = (unsigned char)(seed >> (i % 24));
  unsigned h = digest(tmp, n);
  free(tmp);
  return h;
}

static unsigned work(unsigned seed) {
  char *label = malloc(32);
  snprintf(label, 32, "w%u", seed % 1000);
  unsigned *v = calloc(16, sizeof *v);
  for (int i = 0; i < 16; i++) v[i] = mix(seed + (unsigned)i);
  size_t cap = 4, len = 0;
  unsigned char *grow = malloc(cap);
  for (int i = 0; i < (int)(seed % 40); i++) {
    if (len == cap) {
      cap *= 2;
      grow = realloc(grow, cap);
    }
    grow[len++] = (unsigned char)i;
  }
  unsigned h = digest((unsigned char *)label, strlen(label)) ^ digest((unsigned char *)v, 64) ^
               digest(grow, len) ^ helper(seed);
  free(grow);
  free(v);
  free(label);
  return h;
}

struct task { unsigned id; unsigned result; };

static void *run(void *arg) {
  struct task *t = arg;
  unsigned acc = 0;
  for (unsigned r = 0; r < ROUNDS; r++) acc = mix(acc ^ work(t->id * ROUNDS + r));
  t->result = acc;
  return NULL;
}

int main(void) {
  struct task *tasks = calloc(THREADS, sizeof *tasks);  // keep: handed to threads
  pthread_t th[THREADS];
  for (unsigned i = 0; i < THREADS; i++) {
    tasks[i].id = i;
    pthread_create(&th[i], NULL, run, &tasks[i]);
  }
  for (int i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
  int same = 0;
  for (unsigned i = 0; i < THREADS; i++) {
    struct task again = { i, 0 };
    run(&again);
    same += again.result == tasks[i].result;
    printf("thread %u %08x\n", i, tasks[i].result);
  }
  printf("same as serial %d/%d\n", same, THREADS);
  free(tasks);
  return 0;
}
