// Recursion the call graph does not show: an expression evaluator that
// dispatches through a table of function pointers (a vtable), 60000 levels
// deep, each level formatting into a small scratch buffer.  The plain -O0
// build uses about 4.6 MiB of an 8 MiB stack here; at 100000 levels it used
// 95 % of it, and escape-cc's -O0 build, which keeps each arena frame's mark
// in a 16-byte stack slot, overflowed it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct expr;
typedef long (*eval_fn)(const struct expr *e);
struct expr { int op; long value; const struct expr *lhs; };

static long eval(const struct expr *e);

static long eval_const(const struct expr *e) { return e->value; }

static long eval_neg(const struct expr *e) {
  char *note = malloc(96);
  snprintf(note, 96, "neg at %ld", e->value);
  long r = -eval(e->lhs) + (long)(strlen(note) % 2);
  free(note);
  return r;
}

static long eval_add(const struct expr *e) {
  char *note = malloc(128);
  snprintf(note, 128, "add %ld", e->value);
  long r = eval(e->lhs) + e->value + (long)(note[0] == 'a');
  free(note);
  return r;
}

static const eval_fn table[] = {eval_const, eval_neg, eval_add};

static long eval(const struct expr *e) { return table[e->op](e); }

int main(void) {
  enum { DEPTH = 60000 };
  struct expr *nodes = calloc(DEPTH, sizeof *nodes);  // keep: passed to an indirect call
  nodes[0].op = 0;
  nodes[0].value = 1;
  for (int i = 1; i < DEPTH; i++) {
    nodes[i].op = (i % 5 == 0) ? 1 : 2;
    nodes[i].value = i % 11;
    nodes[i].lhs = &nodes[i - 1];
  }
  printf("eval %ld\n", eval(&nodes[DEPTH - 1]));
  free(nodes);
  return 0;
}
