// Generators on ucontext: two coroutines on one thread, each holding
// blocks of its own (fixed and dynamic sizes) across a yield while the
// other runs, as a cooperative scheduler or a lexer written as a
// coroutine does.  Every block is checked after each resume.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#define STACK_SIZE (256 * 1024)

struct gen {
  ucontext_t ctx, caller;
  int id, done;
  long value;
  char *stack;
};

static struct gen *g_current;

static void yield(long v) {
  struct gen *g = g_current;
  g->value = v;
  swapcontext(&g->ctx, &g->caller);
}

static int intact(const unsigned char *p, size_t n, unsigned char c) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != c) return 0;
  return 1;
}

// Yields twice per item while holding a fixed and a dynamic block.
static long produce(int id, int items) {
  long bad = 0;
  for (int i = 0; i < items; i++) {
    unsigned char *fixed = malloc(48);
    size_t n = 32 + (size_t)((i * 37 + id * 11) % 400);
    unsigned char *dyn = malloc(n);
    unsigned char c = (unsigned char)('A' + (i + id) % 26);
    memset(fixed, c, 48);
    memset(dyn, c, n);
    yield(id * 1000 + i);
    bad += !intact(fixed, 48, c) + !intact(dyn, n, c);
    yield(-(long)n);
    bad += !intact(fixed, 48, c) + !intact(dyn, n, c);
    free(dyn);
    free(fixed);
  }
  return bad;
}

static void entry(void) {
  struct gen *g = g_current;
  long bad = produce(g->id, 50);
  g->done = 1;
  yield(bad);
}

static void gen_start(struct gen *g, int id) {
  memset(g, 0, sizeof *g);
  g->id = id;
  g->stack = malloc(STACK_SIZE);  // keep: a coroutine's stack, stored in its context
  getcontext(&g->ctx);
  g->ctx.uc_stack.ss_sp = g->stack;
  g->ctx.uc_stack.ss_size = STACK_SIZE;
  g->ctx.uc_link = NULL;
  makecontext(&g->ctx, entry, 0);
}

static long gen_next(struct gen *g) {
  g_current = g;
  swapcontext(&g->caller, &g->ctx);
  return g->value;
}

int main(void) {
  struct gen a, b;
  gen_start(&a, 1);
  gen_start(&b, 2);
  long sum = 0, steps = 0;
  while (!a.done || !b.done) {
    if (!a.done) { long v = gen_next(&a); if (a.done) printf("a bad %ld\n", v); else sum += v; steps++; }
    if (!b.done) { long v = gen_next(&b); if (b.done) printf("b bad %ld\n", v); else sum += v; steps++; }
  }
  printf("sum %ld steps %ld\n", sum, steps);
  free(a.stack);
  free(b.stack);
  return 0;
}
