// A generic vector (void * data, element size, realloc doubling) used as a
// local scratch stack: bracket matching, an iterative depth-first walk of
// an implicit tree, and an RPN evaluator.  Each vector lives and dies in
// one function; the only one returned is the list of matched pairs.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec { void *data; size_t elem, len, cap; };

static void vec_init(struct vec *v, size_t elem) {
  v->data = NULL; v->elem = elem; v->len = 0; v->cap = 0;
}

static int vec_push(struct vec *v, const void *x) {
  if (v->len == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 4;
    void *d = realloc(v->data, cap * v->elem);  // keep: stored in the caller's vector
    if (!d) return -1;
    v->data = d;
    v->cap = cap;
  }
  memcpy((char *)v->data + v->len * v->elem, x, v->elem);
  v->len++;
  return 0;
}

static int vec_pop(struct vec *v, void *out) {
  if (!v->len) return -1;
  v->len--;
  memcpy(out, (char *)v->data + v->len * v->elem, v->elem);
  return 0;
}

static void *vec_top(struct vec *v) {
  return v->len ? (char *)v->data + (v->len - 1) * v->elem : NULL;
}

static void vec_free(struct vec *v) { free(v->data); v->data = NULL; }

/* Matched bracket pairs as (open, close) offsets; -1 on a mismatch. */
struct pair { int open, close; };

static struct pair *match(const char *s, int *npairs) {
  struct vec st, out;
  vec_init(&st, sizeof(int));
  vec_init(&out, sizeof(struct pair));
  int ok = 1;
  for (int i = 0; s[i] && ok; i++) {
    if (s[i] == '(' || s[i] == '[' || s[i] == '{') {
      vec_push(&st, &i);
    } else if (s[i] == ')' || s[i] == ']' || s[i] == '}') {
      int o;
      if (vec_pop(&st, &o) != 0) { ok = 0; break; }
      char want = s[i] == ')' ? '(' : s[i] == ']' ? '[' : '{';
      if (s[o] != want) ok = 0;
      struct pair p = { o, i };
      vec_push(&out, &p);
    }
  }
  if (st.len) ok = 0;
  vec_free(&st);
  if (!ok) { vec_free(&out); *npairs = -1; return NULL; }
  *npairs = (int)out.len;
  return out.data;
}

/* Iterative DFS over the implicit tree i -> 3i+1, 3i+2, 3i+3 (< n). */
static long dfs_sum(int n) {
  struct vec st;
  vec_init(&st, sizeof(int));
  int root = 0;
  vec_push(&st, &root);
  long sum = 0;
  size_t maxlen = 0;
  int v;
  while (vec_pop(&st, &v) == 0) {
    sum += v % 97;
    for (int k = 3; k >= 1; k--) {
      int c = 3 * v + k;
      if (c < n) vec_push(&st, &c);
    }
    if (st.len > maxlen) maxlen = st.len;
  }
  vec_free(&st);
  return sum * 1000 + (long)maxlen;
}

static double rpn(const char *expr) {
  struct vec st;
  vec_init(&st, sizeof(double));
  char *copy = malloc(strlen(expr) + 1);
  strcpy(copy, expr);
  for (char *tok = copy; *tok;) {
    while (*tok == ' ') tok++;
    if (!*tok) break;
    char *end;
    double x = strtod(tok, &end);
    if (end != tok && (*end == ' ' || *end == 0)) {
      vec_push(&st, &x);
      tok = end;
      continue;
    }
    double b = 0, a = 0;
    vec_pop(&st, &b);
    vec_pop(&st, &a);
    double r = *tok == '+' ? a + b : *tok == '-' ? a - b : *tok == '*' ? a * b : a / b;
    vec_push(&st, &r);
    tok++;
  }
  double *top = vec_top(&st);
  double r = top ? *top : 0;
  vec_free(&st);
  free(copy);
  return r;
}

int main(void) {
  const char *inputs[] = { "f(a[1], {b: (c)})", "((]", "{[()()]}", "(((" };
  for (int i = 0; i < 4; i++) {
    int n;
    struct pair *p = match(inputs[i], &n);
    printf("%-20s pairs %d", inputs[i], n);
    for (int k = 0; k < n; k++) printf(" %d-%d", p[k].open, p[k].close);
    printf("\n");
    free(p);
  }
  for (int n = 10; n <= 1000000; n *= 10) printf("dfs %d: %ld\n", n, dfs_sum(n));
  printf("rpn %.3f\n", rpn("3 4 + 2 * 7 /"));
  printf("rpn %.3f\n", rpn("1.5 2.25 * 10 - 0.5 +"));
  double acc = 0;
  for (int i = 0; i < 20000; i++) acc += rpn(i % 2 ? "1 2 + 3 *" : "8 2 / 1 -");
  printf("rpn loop %.1f\n", acc);
  return 0;
}
