// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// Recursion through a table of function pointers is invisible to the call
// graph: 'eval_add' is on a cycle (eval_add -> eval -> table[op] -> eval_add)
// but its 128-byte scratch buffer is moved to the stack, so 8000 levels that
// fit in a 1 MiB stack as plain code (under half of it) overflow it.
// (Found by test/acceptance/programs/visitors.c.)
#include "alloc.h"
int snprintf(char *buf, size_t n, const char *fmt, ...);
struct rlimit { unsigned long cur, max; };
int setrlimit(int resource, const struct rlimit *rl);

struct expr { int op; long value; const struct expr *lhs; };
typedef long (*eval_fn)(const struct expr *e);
static long eval(const struct expr *e);

static long eval_leaf(const struct expr *e) { return e->value; }

static long eval_add(const struct expr *e) {
  char *note = malloc(128);
  snprintf(note, 128, "add %ld", e->value);
  long r = eval(e->lhs) + e->value + (note[0] == 'a');
  free(note);
  return r;
}

static const eval_fn table[] = {eval_leaf, eval_add};
static long eval(const struct expr *e) { return table[e->op](e); }

enum { DEPTH = 8000 };
static struct expr nodes[DEPTH];

int main(void) {
  struct rlimit rl = {1 << 20, 1 << 20};
  if (setrlimit(3 /* RLIMIT_STACK */, &rl) != 0) return 2;
  nodes[0].value = 1;
  for (int i = 1; i < DEPTH; i++) {
    nodes[i].op = 1;
    nodes[i].value = i % 3;
    nodes[i].lhs = &nodes[i - 1];
  }
  printf("eval %ld\n", eval(&nodes[DEPTH - 1]));
  return 0;
}
