// Control flow around allocations: sites in `if`/`switch` arms freed in
// other arms or after the join, early returns out of nested loops, a
// backward `goto` loop, `do { } while (0)` macros around malloc/free, and a
// pointer that is either a malloc'd block or a local array.
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALLOC_OR_FAIL(p, n) do { (p) = malloc(n); if (!(p)) return -1; } while (0)
#define FREE_AND_NULL(p) do { free(p); (p) = NULL; } while (0)

static int by_kind(int kind) {
  char *p = NULL;
  int r = 0;
  switch (kind % 4) {
  case 0: p = malloc(16); strcpy(p, "zero"); break;
  case 1: p = calloc(4, 8); r = 1; break;
  case 2: p = strdup("two"); /* fall through */
  case 3: r += 3; break;
  }
  if (p && kind % 4 == 1) { r += p[5]; free(p); p = NULL; }
  if (p) { r += (int)strlen(p); }
  switch (kind % 4) {
  case 0: free(p); break;
  case 2: r += p[0]; free(p); break;
  default: break;
  }
  return r;
}

static int find_pair(int n, int target) {
  int *v = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) v[i] = (i * 7) % n;
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (v[i] + v[j] == target) {
        int r = i * 1000 + j;
        free(v);
        return r;
      }
  free(v);
  return -1;
}

static int goto_loop(int n) {
  int i = 0, s = 0;
again:
  {
    char *t = malloc(24);
    snprintf(t, 24, "%d", i * i);
    s += (int)strlen(t);
    free(t);
  }
  if (++i < n) goto again;
  return s;
}

static int macros(int n) {
  int *a, *b;
  ALLOC_OR_FAIL(a, sizeof(int) * 8);
  ALLOC_OR_FAIL(b, sizeof(int) * 8);
  for (int i = 0; i < 8; i++) { a[i] = i + n; b[i] = a[i] * 2; }
  int s = a[7] + b[7];
  FREE_AND_NULL(a);
  FREE_AND_NULL(b);
  return s + (a == NULL) + (b == NULL);
}

static int either(int n) {
  int local[8];
  int *p = n > 8 ? malloc(sizeof(int) * (size_t)n) : local;
  int m = n > 8 ? n : 8;
  for (int i = 0; i < m; i++) p[i] = i;
  int s = p[m - 1];
  if (p != local) free(p);
  return s;
}

static int nested_arms(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    char *a = NULL, *b = NULL;
    if (i % 3 == 0) a = malloc(32);
    else if (i % 3 == 1) b = malloc(48);
    else { a = malloc(8); b = malloc(8); }
    if (a) { memset(a, 1, 8); s += a[7]; }
    if (b) { memset(b, 2, 8); s += b[7]; }
    if (i % 2) { free(a); free(b); }
    else { free(b); free(a); }
  }
  return s;
}

int main(void) {
  int s = 0;
  for (int k = 0; k < 12; k++) s += by_kind(k);
  printf("by_kind %d\n", s);
  printf("find_pair %d %d\n", find_pair(50, 60), find_pair(20, 100));
  printf("goto_loop %d\n", goto_loop(200));
  printf("macros %d\n", macros(4));
  printf("either %d %d\n", either(4), either(40));
  printf("nested_arms %d\n", nested_arms(99));
  return 0;
}
