// Short-lived threads, one after another and a few at a time: each runs
// functions with stack and frame-arena blocks (some above the arena's
// first chunk), a fifth of them leave through pthread_exit from a nested
// frame, and the peak RSS must not grow with the number of threads.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static unsigned sum_block(unsigned seed, size_t n) {
  unsigned char *b = malloc(n);
  memset(b, (int)(seed & 0xff), n);
  unsigned s = 0;
  for (size_t i = 0; i < n; i += 97) s += b[i];
  free(b);
  return s;
}

static void leave_early(unsigned seed, unsigned *out) {
  char *note = malloc(32);
  snprintf(note, 32, "exit-%u", seed);
  *out = (unsigned)strlen(note);
  free(note);
  pthread_exit(NULL);
}

static void *worker(void *arg) {
  unsigned *slot = arg;
  unsigned seed = *slot;
  char *fixed = malloc(64);
  snprintf(fixed, 64, "thread-%u", seed);
  unsigned s = (unsigned)strlen(fixed);
  s += sum_block(seed, 1000 + seed % 3000);
  s += sum_block(seed, 100000 + (seed % 7) * 10000);
  free(fixed);
  if (seed % 5 == 0) leave_early(seed, slot);
  *slot = s;
  return NULL;
}

int main(void) {
  long before = peak_kb();
  unsigned long total = 0;
  unsigned *slots = calloc(4, sizeof *slots);  // keep: handed to threads
  for (unsigned round = 0; round < 1500; round++) {
    pthread_t th[4];
    for (unsigned k = 0; k < 4; k++) {
      slots[k] = round * 4 + k;
      pthread_create(&th[k], NULL, worker, &slots[k]);
    }
    for (unsigned k = 0; k < 4; k++) {
      pthread_join(th[k], NULL);
      total += slots[k];
    }
  }
  free(slots);
  printf("total %lu\n", total);
  long grown = peak_kb() - before;
  printf("peak RSS %s\n", grown < 16 * 1024 ? "bounded" : "grew");
  return 0;
}
