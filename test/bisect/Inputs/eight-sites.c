// Eight allocations that never leave their function, each with its own
// size, so a test command can tell from the IR whether one was moved.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long use(size_t n) {
  char *p = malloc(n);
  if (!p)
    return 0;
  memset(p, 1, n);
  long s = p[0] + p[n - 1];
  free(p);
  return s;
}

int main(void) {
  long s = 0;
  char *a = malloc(24);
  char *b = malloc(40);
  char *c = malloc(56);
  char *d = malloc(72); // the site the test command depends on
  char *e = malloc(88);
  char *f = malloc(104);
  char *g = malloc(120);
  if (!a || !b || !c || !d || !e || !f || !g)
    return 1;
  memset(a, 2, 24); memset(b, 3, 40); memset(c, 4, 56); memset(d, 5, 72);
  memset(e, 6, 88); memset(f, 7, 104); memset(g, 8, 120);
  s = a[1] + b[2] + c[3] + d[4] + e[5] + f[6] + g[7] + use(8);
  printf("%ld\n", s);
  free(a); free(b); free(c); free(d); free(e); free(f); free(g);
  return 0;
}
