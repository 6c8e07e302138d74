// Traps: setjmp/longjmp across a frame holding arena and stack objects,
// repeated many times so a leaked arena frame would show, alloca nearby.
#include <alloca.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;

static int checksum(const char *s) {
  int h = 0;
  while (*s) h = h * 31 + *s++;
  return h & 0xffff;
}

static void inner(int n) {
  char *buf = malloc((size_t)n + 8);
  memset(buf, 'a' + n % 26, (size_t)n);
  buf[n] = '\0';
  int c = checksum(buf);
  free(buf);
  if (n % 3 == 0) longjmp(env, c + 1);
}

static void middle(int n) {
  char *scratch = malloc(64);
  snprintf(scratch, 64, "m%d", n);
  int *big = malloc(sizeof(int) * (size_t)(n + 1));
  big[n] = checksum(scratch);
  inner(n);
  free(big);
  free(scratch);
}

static long run_jumps(int rounds) {
  long total = 0;
  for (int i = 1; i <= rounds; i++) {
    int r = setjmp(env);
    if (r == 0) {
      middle(i % 500 + 1);
      total += 1;
    } else {
      total += r;
    }
  }
  return total;
}

static int with_alloca(int n) {
  char *a = alloca((size_t)n);
  memset(a, 'x', (size_t)n - 1);
  a[n - 1] = '\0';
  char *m = malloc(32);
  snprintf(m, 32, "%zu", strlen(a));
  int r = atoi(m);
  free(m);
  return r;
}

static int alloca_loop(int rounds) {
  int s = 0;
  for (int i = 1; i <= rounds; i++) {
    char *t = malloc(48);
    snprintf(t, 48, "%d", i);
    char *copy = alloca(strlen(t) + 1);
    strcpy(copy, t);
    s += (int)strlen(copy);
    free(t);
  }
  return s;
}

int main(void) {
  printf("jumps %ld\n", run_jumps(30000));
  printf("alloca %d\n", with_alloca(100));
  printf("alloca loop %d\n", alloca_loop(1000));
  return 0;
}
