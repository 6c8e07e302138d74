// Scope-bound cleanup in the styles of systemd and glib: __attribute__
// ((cleanup)) on pointers, on a struct holding two pointers, in a loop body
// (released each iteration), with goto out of its scope, with a pointer
// handed out by clearing it (steal), and GNU statement expressions that
// allocate.
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void freep(void *p) { free(*(void **)p); }
#define auto_free __attribute__((cleanup(freep)))

struct two { char *a; int *b; };
static void two_free(struct two *t) { free(t->a); free(t->b); }
#define auto_two __attribute__((cleanup(two_free)))

#define steal(pp) ({ __typeof__(*(pp)) tmp_ = *(pp); *(pp) = NULL; tmp_; })
#define xdup(s) ({ char *d_ = malloc(strlen(s) + 1); if (d_) strcpy(d_, (s)); d_; })

static int loop_body(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    auto_free char *line = malloc(32);
    snprintf(line, 32, "line %d", i);
    s += (int)strlen(line);
    if (i == n - 1) break;
    if (i % 5 == 0) continue;
    s++;
  }
  return s;
}

static int struct_cleanup(int k) {
  auto_two struct two t = { malloc(16), malloc(sizeof(int) * 4) };
  snprintf(t.a, 16, "two%d", k);
  for (int i = 0; i < 4; i++) t.b[i] = k + i;
  return (int)strlen(t.a) + t.b[3];
}

static int goto_out(int k) {
  int r = 0;
  {
    auto_free int *v = malloc(sizeof(int) * 8);
    for (int i = 0; i < 8; i++) v[i] = i * k;
    r = v[7];
    if (k > 3) goto done;
    r += v[1];
  }
  r *= 2;
done:
  return r;
}

static char *build(int k) {
  auto_free char *s = malloc(40);  // keep: stolen and returned
  snprintf(s, 40, "built-%d", k);
  if (k < 0) return NULL;
  return steal(&s);
}

static int statement_exprs(int k) {
  char *a = xdup("statement");
  char *b = ({ char *t_ = malloc(20); snprintf(t_, 20, "%d", k); t_; });
  int r = (int)strlen(a) * 100 + atoi(b);
  free(b);
  free(a);
  return r;
}

static int nested_scopes(int n) {
  auto_free char *outer = malloc(64);
  strcpy(outer, "outer");
  int s = 0;
  for (int i = 0; i < n; i++) {
    auto_free char *inner = strdup(outer);
    inner[0] = (char)('a' + i % 26);
    s += inner[0];
  }
  return s + (int)strlen(outer);
}

int main(void) {
  printf("loop_body %d\n", loop_body(40));
  int s = 0;
  for (int k = 0; k < 10; k++) s += struct_cleanup(k);
  printf("struct_cleanup %d\n", s);
  printf("goto_out %d %d\n", goto_out(2), goto_out(5));
  char *b = build(3);
  printf("build %s\n", b);
  free(b);
  printf("statement_exprs %d\n", statement_exprs(77));
  printf("nested_scopes %d\n", nested_scopes(30));
  return 0;
}
