// A million iterations of small promotions: a fixed-size block per
// iteration (stack), a dynamic-size block per iteration (frame arena), a
// calloc'd block freed in the middle of the iteration, a block kept for two
// iterations, and a callee whose blocks come and go; the peak RSS must stay
// the plain build's.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static unsigned callee(unsigned i) {
  unsigned *a = malloc(sizeof(unsigned) * 6);
  for (unsigned k = 0; k < 6; k++) a[k] = i * k;
  unsigned s = a[5] ^ a[3];
  free(a);
  return s;
}

static unsigned long run(unsigned n) {
  unsigned long acc = 0;
  char *older = NULL;
  for (unsigned i = 0; i < n; i++) {
    char *fixed = malloc(40);
    snprintf(fixed, 40, "%u", i);
    acc += strlen(fixed);
    free(fixed);

    size_t len = 16 + i % 500;
    unsigned char *dyn = malloc(len);
    memset(dyn, (int)(i & 0xff), len);
    acc += dyn[len - 1];

    int *z = calloc(8, sizeof *z);
    z[i % 8] = (int)i;
    acc += (unsigned long)z[(i + 1) % 8];
    free(z);

    free(dyn);

    char *cur = malloc(24);
    snprintf(cur, 24, "%u", i % 977);
    if (older && strcmp(older, cur) == 0) acc += 1000;
    free(older);
    older = cur;

    acc += callee(i) & 7;
  }
  free(older);
  return acc;
}

static unsigned long nested(unsigned n) {
  unsigned long acc = 0;
  for (unsigned i = 0; i < n; i++) {
    char *outer = malloc(64 + i % 64);
    for (unsigned j = 0; j < 4; j++) {
      char *inner = malloc(16 + j * 8);
      memset(inner, 'a' + (int)j, 15);
      inner[15] = 0;
      acc += strlen(inner);
      free(inner);
    }
    outer[0] = (char)i;
    acc += (unsigned char)outer[0];
    free(outer);
  }
  return acc;
}

int main(void) {
  long before = peak_kb();
  printf("run %lu\n", run(1000000));
  printf("nested %lu\n", nested(250000));
  long grown = peak_kb() - before;
  printf("peak RSS %s\n", grown < 8 * 1024 ? "bounded" : "grew");
  return 0;
}
