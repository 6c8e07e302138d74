// Numeric code: matrices the caller owns, temporary rows and pivots that
// never leave their function, a loop-carried accumulator buffer.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mat { int n; double *a; };

static struct mat *mat_new(int n) {
  struct mat *m = malloc(sizeof *m);  // keep: returned
  m->n = n;
  m->a = calloc((size_t)n * (size_t)n, sizeof(double));  // keep: stored in a returned struct
  return m;
}

static void mat_free(struct mat *m) {
  free(m->a);
  free(m);
}

static struct mat *mat_mul(const struct mat *x, const struct mat *y) {
  int n = x->n;
  struct mat *r = mat_new(n);  // keep: returned
  double *col = malloc(sizeof(double) * (size_t)n);
  for (int j = 0; j < n; j++) {
    for (int k = 0; k < n; k++) col[k] = y->a[k * n + j];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) s += x->a[i * n + k] * col[k];
      r->a[i * n + j] = s;
    }
  }
  free(col);
  return r;
}

/* Gaussian elimination on a copy: the copy and the row swap buffer stay here. */
static double determinant(const struct mat *m) {
  int n = m->n;
  double *a = malloc(sizeof(double) * (size_t)n * (size_t)n);
  memcpy(a, m->a, sizeof(double) * (size_t)n * (size_t)n);
  double *swap = malloc(sizeof(double) * 8);
  double det = 1;
  for (int c = 0; c < n; c++) {
    int p = c;
    for (int r = c + 1; r < n; r++)
      if ((a[r * n + c] < 0 ? -a[r * n + c] : a[r * n + c]) >
          (a[p * n + c] < 0 ? -a[p * n + c] : a[p * n + c]))
        p = r;
    if (a[p * n + c] == 0) { det = 0; break; }
    if (p != c && n <= 8) {
      memcpy(swap, &a[p * n], sizeof(double) * (size_t)n);
      memcpy(&a[p * n], &a[c * n], sizeof(double) * (size_t)n);
      memcpy(&a[c * n], swap, sizeof(double) * (size_t)n);
      det = -det;
    }
    det *= a[c * n + c];
    for (int r = c + 1; r < n; r++) {
      double f = a[r * n + c] / a[c * n + c];
      for (int k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
    }
  }
  free(swap);
  free(a);
  return det;
}

static double trace_powers(const struct mat *m, int k) {
  double *acc = malloc(sizeof(double) * 4);
  double t = 0;
  struct mat *p = mat_new(m->n);
  memcpy(p->a, m->a, sizeof(double) * (size_t)m->n * (size_t)m->n);
  for (int i = 0; i < k; i++) {
    acc[i % 4] = 0;
    for (int d = 0; d < m->n; d++) acc[i % 4] += p->a[d * m->n + d];
    t += acc[i % 4];
    struct mat *q = mat_mul(p, m);
    mat_free(p);
    p = q;
  }
  mat_free(p);
  free(acc);
  return t;
}

int main(void) {
  struct mat *m = mat_new(6);
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) m->a[i * 6 + j] = ((i * 7 + j * 3) % 11) / 10.0 + (i == j);
  struct mat *sq = mat_mul(m, m);
  printf("sq[0][0] %.6f sq[5][5] %.6f\n", sq->a[0], sq->a[35]);
  printf("det m %.6f det sq %.6f\n", determinant(m), determinant(sq));
  printf("trace powers %.6f\n", trace_powers(m, 5));
  mat_free(sq);
  mat_free(m);
  return 0;
}
