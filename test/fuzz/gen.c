//===- gen.c - escape-gen: random C programs full of pointer flows ---------===//
//
// `escape-gen SEED` writes one C11 program to stdout.  The program allocates
// with malloc, calloc, realloc and strdup, passes pointers through locals,
// struct fields, arrays of pointers, helpers, variadic helpers,
// out-parameters, return values and globals, frees on some paths only,
// recurses with a depth bound, and prints checksums of the data it
// computed (never addresses).
//
// The rule that keeps every program free of undefined behaviour, so that a
// build with and without the escape transformation must print the same:
//
//   every tracked pointer variable pN is either NULL or the sole owner of a
//   live block of nN >= 1 longs, all initialised.
//
// The generator tracks, per variable, whether it is NULL, live, or maybe
// NULL (after a conditional free or a conditional hand-off) and emits only
// the operations valid in that state: reads and writes index with `% nN`,
// uses of a maybe-NULL pointer are guarded by `if (pN)`, a free sets the
// variable to NULL, a hand-off to a global (an escape) sets it to NULL.
// Aliases live only inside a scoped block that does not free the original.
// Loops only touch outer variables in ways that keep their state (read,
// write, replace, realloc); everything else a loop allocates is local to its
// body.  Values stay small and non-negative (h() reduces modulo a prime), so
// no arithmetic overflows.
//
// Good:  if (h(k, 3) % 3 == 0) { free(p1); p1 = NULL; n1 = 0; }
//        if (p1) mix(p1[(size_t)k % n1]);
// Bad:   if (h(k, 3) % 3 == 0) free(p1);      // p1 dangles
//        mix(p1[0]);                            // maybe a use after free
//
//===----------------------------------------------------------------------===//
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAXV = 6, MAXF = 10, EXPR_SMALL = 64, EXPR_LEN = 160 };

typedef enum gen_state_e { ST_NULL, ST_ALIVE, ST_MAYBE } gen_state_t;

/// Kinds of generated functions.
typedef enum gen_kind_e {
  FK_PLAIN,    ///< long fI(long k)
  FK_BORROW,   ///< long fI(long *b, size_t nb, long k): b is borrowed
  FK_PRODUCE,  ///< long *fI(long k, size_t *nout): returns an owned block
  FK_RECURSIVE ///< long fI(int d, long k): recursion with a depth bound
} gen_kind_t;

typedef struct gen_fn_s {
  gen_kind_t kind;
  unsigned long cost; ///< estimated work of one call, to bound run time
} gen_fn_t;

/// The state of the function being generated.
typedef struct gen_ctx_s {
  gen_state_t st[MAXV];
  bool frozen[MAXV]; ///< inside a loop: only state-preserving operations
  int nvars;
  bool borrowed;     ///< the function has the borrowed block b/nb
  int self;          ///< index of the function being generated
  int loop_depth;    ///< number of enclosing loops (names i0, i1, ...)
  int block_depth;   ///< nesting of if/loop blocks
  int ind;           ///< indentation
  unsigned long cost;
  unsigned long mult; ///< product of enclosing loop trip counts
} gen_ctx_t;

static uint64_t gen_rng_state;
static gen_fn_t gen_fns[MAXF];
static int gen_nfns;
static int gen_uid; ///< unique suffix for block-local names

static uint64_t gen_next(void) {
  uint64_t z = (gen_rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// A uniform number in [0, n).
static unsigned gen_rand(unsigned n) { return (unsigned)(gen_next() % n); }
/// True with probability pct/100.
static bool gen_chance(unsigned pct) { return gen_rand(100) < pct; }

static void gen_line(int ind, const char *fmt, ...) {
  for (int i = 0; i < ind; i++)
    fputs("  ", stdout);
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  fputc('\n', stdout);
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

/// A small non-negative long expression over k, loop indices and constants.
static void gen_expr(const gen_ctx_t *c, char *buf) {
  char a[16], b[16];
  unsigned r = gen_rand(4);
  if (r == 0 || c->loop_depth == 0)
    snprintf(a, sizeof a, "k");
  else
    snprintf(a, sizeof a, "i%d", (int)gen_rand((unsigned)c->loop_depth));
  if (r == 1 && c->loop_depth > 0)
    snprintf(b, sizeof b, "i%d", c->loop_depth - 1);
  else
    snprintf(b, sizeof b, "%u", gen_rand(1000));
  snprintf(buf, EXPR_SMALL, "h(%s, %s)", a, b);
}

/// A condition that is true on some runs and false on others.
static void gen_cond(const gen_ctx_t *c, char *buf) {
  char e[EXPR_SMALL];
  gen_expr(c, e);
  unsigned mod = 2 + gen_rand(3); // one draw per statement: C leaves the
  unsigned rem = gen_rand(2);     // order of argument evaluation open
  snprintf(buf, EXPR_LEN, "%s %% %u == %u", e, mod, rem);
}

/// A size in longs: a small or large constant, or a dynamic expression.
/// Returns the largest value it can take.
static unsigned gen_count(const gen_ctx_t *c, char *buf) {
  char e[EXPR_SMALL];
  unsigned n;
  switch (gen_rand(6)) {
  case 0:
  case 1:
    n = 1 + gen_rand(32);
    break;
  case 2:
    n = 1 + gen_rand(600);
    break;
  case 3:
    n = 600 + gen_rand(20000);
    break;
  default:
    gen_expr(c, e);
    n = 1 + gen_rand(300);
    snprintf(buf, EXPR_LEN, "(size_t)(%s %% %u) + 1", e, n);
    return n;
  }
  snprintf(buf, EXPR_LEN, "%u", n);
  return n;
}

/// gen_work counts `units` of work done once per execution of the code
/// being generated: as many times as the enclosing loops run.
static void gen_work(gen_ctx_t *c, unsigned long units) { c->cost += units * c->mult; }

// ---------------------------------------------------------------------------
// Operations on tracked variables
// ---------------------------------------------------------------------------

static void gen_fill(gen_ctx_t *c, int v) {
  char e[EXPR_LEN];
  gen_expr(c, e);
  gen_line(c->ind, "for (size_t j = 0; j < n%d; j++) p%d[j] = h((long)j, %s);",
           v, v, e);
}

/// pN = a new block.  pN must be NULL here.
static void gen_alloc_into(gen_ctx_t *c, int v) {
  char n[EXPR_LEN];
  unsigned most = gen_count(c, n);
  int ind = c->ind;
  unsigned r = gen_rand(10);
  int producer = -1;
  for (int f = 0; f < c->self; f++)
    if (gen_fns[f].kind == FK_PRODUCE &&
        c->cost + gen_fns[f].cost * c->mult < 400000)
      producer = f;
  if (r == 9 && producer >= 0) {
    gen_line(ind, "p%d = f%d(k, &n%d);", v, producer, v);
    c->cost += gen_fns[producer].cost * c->mult;
  } else if (r == 8) {
    gen_line(ind, "p%d = make_arr(%s, k);", v, n);
    gen_line(ind, "n%d = %s;", v, n);
  } else if (r == 7) {
    gen_line(ind, "make_out(&p%d, &n%d, %s, k);", v, v, n);
  } else if (r >= 5) {
    gen_line(ind, "n%d = %s;", v, n);
    gen_line(ind, "p%d = calloc(n%d, sizeof *p%d);", v, v, v);
    gen_line(ind, "if (!p%d) abort();", v);
    if (gen_chance(50))
      gen_fill(c, v);
  } else {
    gen_line(ind, "n%d = %s;", v, n);
    gen_line(ind, "p%d = malloc(n%d * sizeof *p%d);", v, v, v);
    gen_line(ind, "if (!p%d) abort();", v);
    gen_fill(c, v);
  }
  c->st[v] = ST_ALIVE;
  gen_work(c, 20 + 2 * (unsigned long)most);
}

/// Frees pN whatever its state and sets it to NULL.
static void gen_free(gen_ctx_t *c, int v) {
  if (c->st[v] == ST_NULL)
    return;
  gen_line(c->ind, "free(p%d);", v);
  gen_line(c->ind, "p%d = NULL;", v);
  gen_line(c->ind, "n%d = 0;", v);
  c->st[v] = ST_NULL;
}

/// Opens `if (pN) {` for a maybe-NULL variable; returns whether it did.
static bool gen_guard(gen_ctx_t *c, int v) {
  if (c->st[v] != ST_MAYBE)
    return false;
  gen_line(c->ind++, "if (p%d) {", v);
  return true;
}

static void gen_unguard(gen_ctx_t *c, bool guarded) {
  if (guarded)
    gen_line(--c->ind, "}");
}

static void gen_read(gen_ctx_t *c, int v) {
  char e[EXPR_LEN];
  gen_expr(c, e);
  bool g = gen_guard(c, v);
  if (gen_chance(50))
    gen_line(c->ind, "mix((uint64_t)p%d[(size_t)%s %% n%d]);", v, e, v);
  else
    gen_line(c->ind, "mix((uint64_t)sum_arr(p%d, n%d));", v, v);
  gen_unguard(c, g);
}

static void gen_write(gen_ctx_t *c, int v) {
  char e[EXPR_LEN], x[EXPR_LEN];
  gen_expr(c, e);
  gen_expr(c, x);
  bool g = gen_guard(c, v);
  if (gen_chance(70))
    gen_line(c->ind, "p%d[(size_t)%s %% n%d] = %s;", v, e, v, x);
  else
    gen_line(c->ind, "fill_arr(p%d, n%d, %s);", v, v, x);
  gen_unguard(c, g);
}

/// Grows or shrinks a live block with realloc and initialises the new part.
static void gen_realloc(gen_ctx_t *c, int v) {
  char e[EXPR_LEN];
  gen_expr(c, e);
  int u = gen_uid++;
  gen_line(c->ind++, "{");
  gen_line(c->ind, "size_t m%d = (size_t)(%s %% %u) + 1;", u, e,
           1 + gen_rand(400));
  gen_line(c->ind, "long *t%d = realloc(p%d, m%d * sizeof *t%d);", u, v, u, u);
  gen_line(c->ind, "if (!t%d) abort();", u);
  gen_line(c->ind, "for (size_t j = n%d; j < m%d; j++) t%d[j] = h((long)j, k);",
           v, u, u);
  gen_line(c->ind, "p%d = t%d;", v, u);
  gen_line(c->ind, "n%d = m%d;", v, u);
  gen_line(--c->ind, "}");
  gen_work(c, 40 + 2 * 400);
}

/// Hands pN over: to a global (escape; directly or through the variadic
/// vkeep), to a consumer, or maybe to a global.
static void gen_hand_off(gen_ctx_t *c, int v) {
  char e[EXPR_LEN];
  switch (gen_rand(5)) {
  case 0:
    gen_line(c->ind, "keep(p%d);", v);
    break;
  case 4: {
    // The pointer copied one byte or one word at a time, or taken apart
    // into masked pieces, then kept: the block escapes through the copy
    // only.
    static const char *const via[] = {"int",  "helpers", "shift", "table",
                                      "ints", "words",   "pieces"};
    int u = gen_uid++;
    gen_line(c->ind, "{ long *bq%d = bytes_via_%s(p%d); keep(bq%d); }", u,
             via[gen_rand(7)], v, u);
    break;
  }
  case 3:
    gen_line(c->ind, "vkeep(1, p%d);", v);
    break;
  case 1:
    gen_line(c->ind, "consume(p%d);", v);
    break;
  default:
    gen_expr(c, e);
    gen_line(c->ind, "p%d = maybe_keep(p%d, %s);", v, v, e);
    gen_line(c->ind, "if (!p%d) n%d = 0;", v, v);
    c->st[v] = ST_MAYBE;
    return;
  }
  gen_line(c->ind, "p%d = NULL;", v);
  gen_line(c->ind, "n%d = 0;", v);
  c->st[v] = ST_NULL;
}

static void gen_cond_free(gen_ctx_t *c, int v) {
  char cond[EXPR_LEN];
  gen_cond(c, cond);
  gen_line(c->ind, "if (%s) {", cond);
  c->ind++;
  gen_line(c->ind, "free(p%d);", v);
  gen_line(c->ind, "p%d = NULL;", v);
  gen_line(c->ind, "n%d = 0;", v);
  gen_line(--c->ind, "}");
  c->st[v] = ST_MAYBE;
}

/// A struct on the stack with pointer fields, used in a scoped block; or a
/// heap holder that takes ownership and frees it, or escapes to a global.
static void gen_struct(gen_ctx_t *c, int v, int w) {
  char e[EXPR_LEN];
  gen_expr(c, e);
  int u = gen_uid++;
  if (!c->frozen[v] && gen_chance(40)) {
    gen_line(c->ind++, "{");
    gen_line(c->ind, "struct holder *hd%d = malloc(sizeof *hd%d);", u, u);
    gen_line(c->ind, "if (!hd%d) abort();", u);
    gen_line(c->ind, "hd%d->p = p%d;", u, v);
    gen_line(c->ind, "hd%d->n = n%d;", u, v);
    gen_line(c->ind, "hd%d->tag = %s;", u, e);
    gen_line(c->ind, "p%d = NULL;", v);
    gen_line(c->ind, "n%d = 0;", v);
    gen_line(c->ind, "mix((uint64_t)holder_sum(hd%d));", u);
    if (gen_chance(30)) {
      gen_line(c->ind, "keep_holder(hd%d);", u);
    } else {
      gen_line(c->ind, "free(hd%d->p);", u);
      gen_line(c->ind, "free(hd%d);", u);
    }
    gen_line(--c->ind, "}");
    c->st[v] = ST_NULL;
    return;
  }
  gen_line(c->ind++, "{");
  gen_line(c->ind, "struct pair sp%d;", u);
  gen_line(c->ind, "sp%d.a = p%d;", u, v);
  gen_line(c->ind, "sp%d.na = n%d;", u, v);
  gen_line(c->ind, "sp%d.b = p%d;", u, w);
  gen_line(c->ind, "sp%d.nb = n%d;", u, w);
  gen_line(c->ind, "sp%d.a[(size_t)%s %% sp%d.na] += sp%d.b[0] %% 7;", u, e, u,
           u);
  gen_line(c->ind, "mix((uint64_t)pair_sum(&sp%d));", u);
  gen_line(--c->ind, "}");
}

/// An array of pointers holding live blocks, read through the array.
static void gen_ptr_array(gen_ctx_t *c, int v, int w) {
  int u = gen_uid++;
  gen_line(c->ind++, "{");
  gen_line(c->ind, "long *arr%d[3] = { p%d, p%d, p%d };", u, v, w, v);
  gen_line(c->ind, "size_t len%d[3] = { n%d, n%d, n%d };", u, v, w, v);
  gen_line(c->ind, "for (int j = 0; j < 3; j++) mix((uint64_t)arr%d[j][len%d[j] - 1]);",
           u, u);
  gen_line(c->ind, "mix((uint64_t)sum_arr(pick(p%d, p%d, k), n%d < n%d ? n%d : n%d));",
           v, w, v, w, v, w);
  gen_line(--c->ind, "}");
}

/// Live blocks passed in the `...` of variadic helpers that read them and
/// write through them.
static void gen_variadic(gen_ctx_t *c, int v, int w) {
  char e[EXPR_LEN];
  gen_expr(c, e);
  gen_line(c->ind, "mix((uint64_t)vsum(2, p%d, n%d, p%d, n%d));", v, v, w, w);
  gen_line(c->ind, "vbump(%s, 2, p%d, p%d);", e, v, w);
}

static void gen_memcpy(gen_ctx_t *c, int v, int w) {
  gen_line(c->ind, "memcpy(p%d, p%d, (n%d < n%d ? n%d : n%d) * sizeof *p%d);", v,
           w, v, w, v, w, v);
}

static void gen_swap(gen_ctx_t *c, int v, int w) {
  int u = gen_uid++;
  gen_line(c->ind, "{ long *q%d = p%d; size_t m%d = n%d; p%d = p%d; n%d = n%d; "
                   "p%d = q%d; n%d = m%d; }",
           u, v, u, v, v, w, v, w, w, u, w, u);
  gen_state_t s = c->st[v];
  c->st[v] = c->st[w];
  c->st[w] = s;
}

/// Calls an earlier function, if the work budget allows.
static void gen_call(gen_ctx_t *c, int v) {
  int f = c->self > 0 ? (int)gen_rand((unsigned)c->self) : -1;
  if (f < 0 || c->cost + gen_fns[f].cost * c->mult > 400000)
    return;
  char e[EXPR_LEN];
  gen_expr(c, e);
  c->cost += gen_fns[f].cost * c->mult;
  switch (gen_fns[f].kind) {
  case FK_PLAIN:
    gen_line(c->ind, "mix((uint64_t)f%d(%s));", f, e);
    break;
  case FK_BORROW: {
    bool g = gen_guard(c, v);
    if (c->st[v] != ST_NULL)
      gen_line(c->ind, "mix((uint64_t)f%d(p%d, n%d, %s));", f, v, v, e);
    gen_unguard(c, g);
    break;
  }
  case FK_PRODUCE: {
    int u = gen_uid++;
    gen_line(c->ind, "{ size_t m%d = 0; long *r%d = f%d(%s, &m%d); "
                     "mix((uint64_t)r%d[m%d - 1]); free(r%d); }",
             u, u, f, e, u, u, u, u);
    break;
  }
  case FK_RECURSIVE:
    gen_line(c->ind, "mix((uint64_t)f%d(%u, %s));", f, 1 + gen_rand(8), e);
    break;
  }
}

// ---------------------------------------------------------------------------
// Self-contained blocks (their allocations never leave the block)
// ---------------------------------------------------------------------------

static void gen_string_block(gen_ctx_t *c) {
  char e[EXPR_LEN], cond[EXPR_LEN];
  gen_expr(c, e);
  gen_cond(c, cond);
  int u = gen_uid++;
  gen_line(c->ind++, "{");
  if (gen_chance(50)) {
    gen_line(c->ind, "char *s%d = strdup(\"escape-%u\");", u, gen_rand(100000));
  } else {
    gen_line(c->ind, "char *s%d = malloc(32);", u);
    gen_line(c->ind, "if (s%d) snprintf(s%d, 32, \"v%%ld\", %s);", u, u, e);
  }
  gen_line(c->ind, "if (!s%d) abort();", u);
  gen_line(c->ind, "mix(strlen(s%d));", u);
  gen_line(c->ind, "char *d%d = strdup(s%d);", u, u);
  gen_line(c->ind, "if (!d%d) abort();", u);
  gen_line(c->ind, "if (%s) { free(s%d); s%d = NULL; }", cond, u, u);
  gen_line(c->ind, "mix((uint64_t)(unsigned char)d%d[1]);", u);
  gen_line(c->ind, "if (s%d) mix((uint64_t)(unsigned char)s%d[0]);", u, u);
  gen_line(c->ind, "free(s%d);", u);
  if (gen_chance(85))
    gen_line(c->ind, "free(d%d);", u);
  if (gen_chance(40)) {
    // A struct with a character array beside its blocks: a helper copies
    // the characters out (strcat, strcpy, strdup kept in a global ring)
    // and reads the blocks, which stay the frame's.
    gen_line(c->ind, "struct label l%d;", u);
    gen_line(c->ind, "snprintf(l%d.name, sizeof l%d.name, \"n%%ld\", %s);", u, u, e);
    gen_line(c->ind, "l%d.n = 1 + (size_t)(%s) %% 5;", u, e);
    gen_line(c->ind, "l%d.p = malloc(l%d.n * sizeof(long));", u, u);
    gen_line(c->ind, "if (!l%d.p) abort();", u);
    gen_line(c->ind, "fill_arr(l%d.p, l%d.n, %s);", u, u, e);
    gen_line(c->ind, "l%d.nick = strdup(l%d.name);", u, u);
    gen_line(c->ind, "if (!l%d.nick) abort();", u);
    gen_line(c->ind, "mix((uint64_t)label_use(&l%d));", u);
    gen_line(c->ind, "mix(strlen(g_names));");
    gen_line(c->ind, "free(l%d.nick);", u);
    gen_line(c->ind, "free(l%d.p);", u);
  }
  gen_line(--c->ind, "}");
  gen_work(c, 30);
}

static void gen_list_block(gen_ctx_t *c) {
  char e[EXPR_LEN];
  gen_expr(c, e);
  int u = gen_uid++;
  unsigned len = 1 + gen_rand(12);
  gen_line(c->ind++, "{");
  gen_line(c->ind, "struct node *hd%d = NULL;", u);
  gen_line(c->ind, "for (int j = 0; j < %u; j++) {", len);
  c->ind++;
  gen_line(c->ind, "struct node *nd = malloc(sizeof *nd);");
  gen_line(c->ind, "if (!nd) abort();");
  gen_line(c->ind, "nd->val = h(j, %s);", e);
  gen_line(c->ind, "nd->next = hd%d;", u);
  gen_line(c->ind, "nd->data = j %% 3 == 0 ? malloc(4 * sizeof(long)) : NULL;");
  gen_line(c->ind, "if (nd->data) fill_arr(nd->data, 4, nd->val);");
  gen_line(c->ind, "hd%d = nd;", u);
  gen_line(--c->ind, "}");
  gen_line(c->ind, "mix((uint64_t)list_sum(hd%d));", u);
  if (gen_chance(20))
    gen_line(c->ind, "keep_list(hd%d);", u);
  else
    gen_line(c->ind, "list_free(hd%d);", u);
  gen_line(--c->ind, "}");
  gen_work(c, 30 * (unsigned long)len);
}

/// Scratch blocks that an array of pointers owns, some freed conditionally.
static void gen_array_block(gen_ctx_t *c) {
  char n[EXPR_LEN], cond[EXPR_LEN];
  unsigned most = gen_count(c, n);
  gen_cond(c, cond);
  int u = gen_uid++;
  gen_line(c->ind++, "{");
  gen_line(c->ind, "long *a%d[4];", u);
  gen_line(c->ind, "size_t an%d = %s;", u, n);
  gen_line(c->ind, "for (int j = 0; j < 4; j++) {");
  gen_line(c->ind + 1, "a%d[j] = malloc(an%d * sizeof(long));", u, u);
  gen_line(c->ind + 1, "if (!a%d[j]) abort();", u);
  gen_line(c->ind + 1, "fill_arr(a%d[j], an%d, j + k);", u, u);
  gen_line(c->ind, "}");
  gen_line(c->ind, "if (%s) { free(a%d[1]); a%d[1] = NULL; }", cond, u, u);
  gen_line(c->ind, "for (int j = 0; j < 4; j++) if (a%d[j]) mix((uint64_t)sum_arr(a%d[j], an%d));",
           u, u, u);
  if (gen_chance(25))
    gen_line(c->ind, "if (a%d[2]) { keep(a%d[2]); a%d[2] = NULL; }", u, u, u);
  gen_line(c->ind, "for (int j = 0; j < 4; j++) free(a%d[j]);", u);
  gen_line(--c->ind, "}");
  gen_work(c, 100 + 8 * (unsigned long)most);
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

static void gen_stmts(gen_ctx_t *c, int count);

/// A variable in one of the states in \p mask (bit per gen_state_t), or -1.
static int gen_pick(const gen_ctx_t *c, unsigned mask, bool need_unfrozen) {
  int cand[MAXV], n = 0;
  for (int v = 0; v < c->nvars; v++)
    if ((mask >> c->st[v] & 1u) && !(need_unfrozen && c->frozen[v]))
      cand[n++] = v;
  return n ? cand[gen_rand((unsigned)n)] : -1;
}

#define M_NULL (1u << ST_NULL)
#define M_ALIVE (1u << ST_ALIVE)
#define M_MAYBE (1u << ST_MAYBE)

static gen_state_t gen_join(gen_state_t a, gen_state_t b) {
  return a == b ? a : ST_MAYBE;
}

static void gen_if(gen_ctx_t *c) {
  char cond[EXPR_LEN];
  gen_cond(c, cond);
  gen_state_t before[MAXV], after_then[MAXV];
  memcpy(before, c->st, sizeof before);
  gen_line(c->ind++, "if (%s) {", cond);
  c->block_depth++;
  gen_stmts(c, 1 + (int)gen_rand(4));
  memcpy(after_then, c->st, sizeof after_then);
  memcpy(c->st, before, sizeof before);
  gen_line(c->ind - 1, "} else {");
  gen_stmts(c, (int)gen_rand(3));
  c->block_depth--;
  gen_line(--c->ind, "}");
  for (int v = 0; v < c->nvars; v++)
    c->st[v] = gen_join(after_then[v], c->st[v]);
}

/// A loop.  Outer variables in `replace` get a fresh block every iteration
/// (free, allocate: the old one is released); the others are frozen.
static void gen_loop(gen_ctx_t *c) {
  unsigned trips = 1 + gen_rand(6);
  bool frozen_before[MAXV];
  memcpy(frozen_before, c->frozen, sizeof frozen_before);
  int replace = gen_chance(50) ? gen_pick(c, M_NULL | M_ALIVE | M_MAYBE, true)
                               : -1;
  int d = c->loop_depth;
  gen_line(c->ind++, "for (long i%d = 0; i%d < %u; i%d++) {", d, d, trips, d);
  c->loop_depth++;
  c->block_depth++;
  c->mult *= trips;
  for (int v = 0; v < c->nvars; v++)
    c->frozen[v] = true;
  if (replace >= 0) {
    // Live or not on the first iteration, it is live on the later ones.
    gen_line(c->ind, "free(p%d);", replace);
    c->st[replace] = ST_NULL;
    gen_alloc_into(c, replace);
  }
  // Frozen variables keep their state, so the body sees the same states on
  // every iteration; the replaced one is live from here on.
  gen_stmts(c, 1 + (int)gen_rand(4));
  c->mult /= trips;
  c->block_depth--;
  c->loop_depth--;
  gen_line(--c->ind, "}");
  memcpy(c->frozen, frozen_before, sizeof frozen_before);
}

static void gen_stmt(gen_ctx_t *c) {
  int any = gen_pick(c, M_ALIVE | M_MAYBE, false);
  int alive = gen_pick(c, M_ALIVE, false);
  int alive2 = gen_pick(c, M_ALIVE, false);
  int owned = gen_pick(c, M_ALIVE, true);
  int empty = gen_pick(c, M_NULL, true);
  unsigned r = gen_rand(24);
  if (r < 3 && empty >= 0)
    gen_alloc_into(c, empty);
  else if (r < 5 && any >= 0)
    gen_read(c, any);
  else if (r < 7 && any >= 0)
    gen_write(c, any);
  else if (r < 8 && owned >= 0)
    gen_realloc(c, owned);
  else if (r < 9 && owned >= 0)
    gen_cond_free(c, owned);
  else if (r < 10 && owned >= 0)
    gen_hand_off(c, owned);
  else if (r < 11 && alive >= 0 && alive2 >= 0)
    gen_struct(c, owned >= 0 && gen_chance(50) ? owned : alive, alive2);
  else if (r < 12 && alive >= 0 && alive2 >= 0) {
    if (gen_chance(50))
      gen_ptr_array(c, alive, alive2);
    else
      gen_variadic(c, alive, alive2);
  }
  else if (r < 13 && alive >= 0 && alive2 >= 0 && alive != alive2)
    gen_memcpy(c, alive, alive2);
  else if (r < 14 && c->loop_depth == 0 && c->nvars > 2)
    gen_swap(c, c->nvars - 1, 1 + (int)gen_rand((unsigned)c->nvars - 2));
  else if (r < 16)
    gen_call(c, any >= 0 ? any : 0);
  else if (r < 17)
    gen_string_block(c);
  else if (r < 18)
    gen_list_block(c);
  else if (r < 19)
    gen_array_block(c);
  else if (r < 21 && c->block_depth < 3)
    gen_if(c);
  else if (r < 23 && c->block_depth < 3 && c->loop_depth < 2)
    gen_loop(c);
  else if (owned >= 0 && gen_chance(50))
    gen_free(c, owned);
  else if (empty >= 0)
    gen_alloc_into(c, empty);
  gen_work(c, 5);
}

static void gen_stmts(gen_ctx_t *c, int count) {
  for (int i = 0; i < count; i++)
    gen_stmt(c);
}

// ---------------------------------------------------------------------------
// Functions and the program
// ---------------------------------------------------------------------------

static void gen_locals(gen_ctx_t *c) {
  c->nvars = 2 + (int)gen_rand(MAXV - 1);
  for (int v = 0; v < c->nvars; v++) {
    gen_line(1, "long *p%d = NULL;", v);
    gen_line(1, "size_t n%d = 0;", v);
    c->st[v] = ST_NULL;
    c->frozen[v] = false;
  }
  if (c->borrowed) {
    // The borrowed block is variable 0: frozen, so never freed or moved.
    gen_line(1, "p0 = b;");
    gen_line(1, "n0 = nb;");
    c->st[0] = ST_ALIVE;
    c->frozen[0] = true;
  }
}

/// Frees (or now and then leaks) every owned variable at the end.
static void gen_epilogue(gen_ctx_t *c, int keep_var) {
  for (int v = 0; v < c->nvars; v++) {
    if (v == keep_var || (c->borrowed && v == 0))
      continue;
    if (c->st[v] != ST_NULL && gen_chance(92)) {
      gen_line(1, "free(p%d);", v);
    } else if (c->st[v] != ST_NULL) {
      gen_line(1, "(void)p%d; /* leaked on purpose */", v);
    }
  }
}

static void gen_recursive(int f) {
  unsigned n = 1 + gen_rand(gen_chance(50) ? 16 : 3000);
  bool before = gen_chance(50);
  gen_line(0, "static long f%d(int d, long k) {", f);
  gen_line(1, "long *p = malloc(%u * sizeof *p);", n);
  gen_line(1, "if (!p) abort();");
  gen_line(1, "fill_arr(p, %u, k + d);", n);
  gen_line(1, "long r = p[(size_t)k %% %u];", n);
  gen_line(1, "if (d > 0) {");
  if (before && gen_chance(50)) {
    gen_line(2, "if (k %% 2 == 0) { free(p); p = NULL; }");
  }
  gen_line(2, "r = h(r, f%d(d - 1, h(k, d)));", f);
  gen_line(2, "if (p) r = h(r, sum_arr(p, %u));", n);
  gen_line(1, "}");
  gen_line(1, "free(p);");
  gen_line(1, "return r;");
  gen_line(0, "}");
  gen_fns[f].cost = 9 * (n + 50);
}

static void gen_function(int f) {
  gen_kind_t kind = f == 0 ? FK_PLAIN : (gen_kind_t)gen_rand(4);
  gen_fns[f].kind = kind;
  if (kind == FK_RECURSIVE) {
    gen_recursive(f);
    return;
  }
  gen_ctx_t c = {.self = f, .ind = 1, .mult = 1, .borrowed = kind == FK_BORROW};
  if (kind == FK_PLAIN)
    gen_line(0, "static long f%d(long k) {", f);
  else if (kind == FK_BORROW)
    gen_line(0, "static long f%d(long *b, size_t nb, long k) {", f);
  else
    gen_line(0, "static long *f%d(long k, size_t *nout) {", f);
  gen_locals(&c);
  gen_stmts(&c, 3 + (int)gen_rand(8));
  int ret = -1;
  if (kind == FK_PRODUCE) {
    ret = c.borrowed ? 1 : 0;
    if (c.st[ret] != ST_ALIVE) {
      gen_free(&c, ret);
      gen_alloc_into(&c, ret);
    }
  }
  gen_line(1, "long acc = k;");
  for (int v = 0; v < c.nvars; v++)
    gen_line(1, "if (p%d) acc = h(acc, p%d[n%d / 2]);", v, v, v);
  gen_epilogue(&c, ret);
  if (kind == FK_PRODUCE) {
    gen_line(1, "mix((uint64_t)acc);");
    gen_line(1, "*nout = n%d;", ret);
    gen_line(1, "return p%d;", ret);
  } else {
    gen_line(1, "return acc;");
  }
  gen_line(0, "}");
  gen_fns[f].cost = c.cost + 50;
}

static const char gen_prelude[] =
    "#define _POSIX_C_SOURCE 200809L\n"
    "#include <stdarg.h>\n"
    "#include <stdint.h>\n"
    "#include <stdio.h>\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "\n"
    "struct pair { long *a; size_t na; long *b; size_t nb; };\n"
    "struct holder { long *p; size_t n; long tag; struct holder *next; };\n"
    "struct node { long val; struct node *next; long *data; };\n"
    "struct label { char name[24]; long *p; size_t n; char *nick; };\n"
    "\n"
    "static uint64_t g_sum = 1469598103934665603ULL;\n"
    "static long *g_kept[64];\n"
    "static int g_nkept;\n"
    "static struct holder *g_holders;\n"
    "static struct node *g_lists[16];\n"
    "static int g_nlists;\n"
    "\n"
    "static void mix(uint64_t v) { g_sum = (g_sum ^ v) * 1099511628211ULL; }\n"
    "static long h(long a, long b) {\n"
    "  return (long)(((uint64_t)a * 31u + (uint64_t)b * 17u + 7u) % 1000003u);\n"
    "}\n"
    "static long sum_arr(const long *p, size_t n) {\n"
    "  long s = 0;\n"
    "  for (size_t i = 0; i < n; i++) s = h(s, p[i]);\n"
    "  return s;\n"
    "}\n"
    "static void fill_arr(long *p, size_t n, long k) {\n"
    "  for (size_t i = 0; i < n; i++) p[i] = h((long)i, k);\n"
    "}\n"
    "static long *make_arr(size_t n, long k) {\n"
    "  long *p = malloc(n * sizeof *p);\n"
    "  if (!p) abort();\n"
    "  fill_arr(p, n, k);\n"
    "  return p;\n"
    "}\n"
    "static void make_out(long **out, size_t *nout, size_t n, long k) {\n"
    "  *out = calloc(n, sizeof **out);\n"
    "  if (!*out) abort();\n"
    "  (*out)[n - 1] = k;\n"
    "  *nout = n;\n"
    "}\n"
    "static void keep(long *p) {\n"
    "  if (g_nkept == 64) { free(g_kept[0]); g_kept[0] = g_kept[63]; g_nkept = 63; }\n"
    "  g_kept[g_nkept++] = p;\n"
    "}\n"
    "static void consume(long *p) { mix((uint64_t)p[0]); free(p); }\n"
    "static char g_names[64];\n"
    "static char *g_nicks[8];\n"
    "static int g_nnicks;\n"
    "static long label_use(const struct label *l) {\n"
    "  if (strlen(g_names) + strlen(l->name) < sizeof g_names) strcat(g_names, l->name);\n"
    "  else strcpy(g_names, l->name);\n"
    "  char *copy = strdup(l->name);\n"
    "  if (!copy) abort();\n"
    "  free(g_nicks[g_nnicks % 8]);\n"
    "  g_nicks[g_nnicks++ % 8] = copy;\n"
    "  return h(sum_arr(l->p, l->n), (long)strlen(g_names) + (long)strlen(l->nick));\n"
    "}\n"
    "static long vsum(int n, ...) {\n"
    "  va_list ap;\n"
    "  long s = 0;\n"
    "  va_start(ap, n);\n"
    "  for (int i = 0; i < n; i++) {\n"
    "    const long *p = va_arg(ap, const long *);\n"
    "    size_t m = va_arg(ap, size_t);\n"
    "    s = h(s, sum_arr(p, m));\n"
    "  }\n"
    "  va_end(ap);\n"
    "  return s;\n"
    "}\n"
    "static void vbump(long k, int n, ...) {\n"
    "  va_list ap, cp;\n"
    "  va_start(ap, n);\n"
    "  va_copy(cp, ap);\n"
    "  for (int i = 0; i < n; i++) { long *p = va_arg(cp, long *); p[0] = h(p[0], k); }\n"
    "  va_end(cp);\n"
    "  va_end(ap);\n"
    "}\n"
    "static void vkeep(int n, ...) {\n"
    "  va_list ap;\n"
    "  va_start(ap, n);\n"
    "  for (int i = 0; i < n; i++) keep(va_arg(ap, long *));\n"
    "  va_end(ap);\n"
    "}\n"
    "static void put_byte(unsigned char *d, int c) { *d = (unsigned char)c; }\n"
    "static int get_byte(const unsigned char *s) { return *s; }\n"
    "static long *bytes_via_int(long *p) {\n"
    "  long *r;\n"
    "  const unsigned char *s = (const void *)&p;\n"
    "  unsigned char *d = (void *)&r;\n"
    "  for (size_t i = 0; i < sizeof p; i++) { int c = s[i]; d[i] = (unsigned char)c; }\n"
    "  return r;\n"
    "}\n"
    "static long *bytes_via_helpers(long *p) {\n"
    "  long *r;\n"
    "  for (size_t i = 0; i < sizeof p; i++)\n"
    "    put_byte((unsigned char *)&r + i, get_byte((const unsigned char *)&p + i));\n"
    "  return r;\n"
    "}\n"
    "static long *bytes_via_shift(long *p) {\n"
    "  const unsigned char *s = (const void *)&p;\n"
    "  uintptr_t x = 0;\n"
    "  for (size_t i = 0; i < sizeof p; i++) x |= (uintptr_t)s[i] << (8 * i);\n"
    "  return (long *)x;\n"
    "}\n"
    "static long *bytes_via_table(long *p) {\n"
    "  unsigned char id[256];\n"
    "  for (int k = 0; k < 256; k++) id[k] = (unsigned char)k;\n"
    "  long *r;\n"
    "  const unsigned char *s = (const void *)&p;\n"
    "  unsigned char *d = (void *)&r;\n"
    "  for (size_t i = 0; i < sizeof p; i++) d[i] = id[s[i]];\n"
    "  return r;\n"
    "}\n"
    "static long *bytes_via_ints(long *p) {\n"
    "  int tmp[sizeof p];\n"
    "  const unsigned char *s = (const void *)&p;\n"
    "  for (size_t i = 0; i < sizeof p; i++) tmp[i] = s[i];\n"
    "  long *r;\n"
    "  unsigned char *d = (void *)&r;\n"
    "  for (size_t i = 0; i < sizeof p; i++) d[i] = (unsigned char)tmp[i];\n"
    "  return r;\n"
    "}\n"
    "typedef unsigned long __attribute__((may_alias)) word_t;\n"
    "static long *bytes_via_words(long *p) {\n"
    "  long *r;\n"
    "  const word_t *s = (const void *)&p;\n"
    "  word_t *d = (void *)&r;\n"
    "  *d = *s;\n"
    "  return r;\n"
    "}\n"
    "static long *bytes_via_pieces(long *p) {\n"
    "  unsigned char b[sizeof p];\n"
    "  uintptr_t v = (uintptr_t)p, x = 0;\n"
    "  for (size_t i = 0; i < sizeof p; i++) b[i] = (v >> (8 * i)) & 0xff;\n"
    "  for (size_t i = 0; i < sizeof p; i++) x |= (uintptr_t)b[i] << (8 * i);\n"
    "  return (long *)x;\n"
    "}\n"
    "static long *maybe_keep(long *p, long k) {\n"
    "  if (k % 3 == 0) { keep(p); return NULL; }\n"
    "  return p;\n"
    "}\n"
    "static long *pick(long *a, long *b, long k) { return k % 2 ? a : b; }\n"
    "static long pair_sum(const struct pair *s) {\n"
    "  return h(sum_arr(s->a, s->na), sum_arr(s->b, s->nb));\n"
    "}\n"
    "static long holder_sum(const struct holder *hd) {\n"
    "  return h(hd->tag, sum_arr(hd->p, hd->n));\n"
    "}\n"
    "static void keep_holder(struct holder *hd) { hd->next = g_holders; g_holders = hd; }\n"
    "static long list_sum(const struct node *n) {\n"
    "  long s = 0;\n"
    "  for (; n; n = n->next) s = h(s, n->data ? h(n->val, n->data[3]) : n->val);\n"
    "  return s;\n"
    "}\n"
    "static void list_free(struct node *n) {\n"
    "  while (n) { struct node *next = n->next; free(n->data); free(n); n = next; }\n"
    "}\n"
    "static void keep_list(struct node *n) {\n"
    "  if (g_nlists == 16) list_free(n); else g_lists[g_nlists++] = n;\n"
    "}\n"
    "static void release_globals(void) {\n"
    "  for (int i = 0; i < g_nkept; i++) { mix((uint64_t)g_kept[i][0]); free(g_kept[i]); }\n"
    "  while (g_holders) {\n"
    "    struct holder *next = g_holders->next;\n"
    "    mix((uint64_t)holder_sum(g_holders));\n"
    "    free(g_holders->p); free(g_holders); g_holders = next;\n"
    "  }\n"
    "  for (int i = 0; i < g_nlists; i++) { mix((uint64_t)list_sum(g_lists[i])); list_free(g_lists[i]); }\n"
    "}\n";

static void gen_main(void) {
  unsigned rounds = 1 + gen_rand(4);
  gen_line(0, "int main(void) {");
  gen_line(1, "for (long r = 0; r < %u; r++) {", rounds);
  for (int f = 0; f < gen_nfns; f++) {
    switch (gen_fns[f].kind) {
    case FK_PLAIN:
      gen_line(2, "mix((uint64_t)f%d(h(r, %d)));", f, f);
      break;
    case FK_BORROW:
      gen_line(2, "{ long *b = make_arr(%u, r); mix((uint64_t)f%d(b, %u, h(r, %d))); free(b); }",
               1 + f * 3, f, 1 + f * 3, f);
      break;
    case FK_PRODUCE:
      gen_line(2, "{ size_t n = 0; long *p = f%d(h(r, %d), &n); "
                  "mix((uint64_t)sum_arr(p, n)); free(p); }",
               f, f);
      break;
    case FK_RECURSIVE:
      gen_line(2, "mix((uint64_t)f%d(%u, h(r, %d)));", f, 2 + gen_rand(40), f);
      break;
    }
    gen_line(2, "printf(\"f%d %%016llx\\n\", (unsigned long long)g_sum);", f);
  }
  gen_line(1, "}");
  gen_line(1, "release_globals();");
  gen_line(1, "printf(\"sum %%016llx\\n\", (unsigned long long)g_sum);");
  gen_line(1, "return (int)(g_sum %% 3);");
  gen_line(0, "}");
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: escape-gen SEED\n");
    return 2;
  }
  char *end;
  unsigned long long seed = strtoull(argv[1], &end, 10);
  if (*argv[1] == '\0' || *end != '\0') {
    fprintf(stderr, "escape-gen: error: seed '%s' is not a number\n", argv[1]);
    return 2;
  }
  gen_rng_state = seed * 0x2545f4914f6cdd1dULL + 1;
  printf("// escape-gen %llu: a random C11 program with pointer flows.\n", seed);
  fputs(gen_prelude, stdout);
  gen_nfns = 2 + (int)gen_rand(MAXF - 1);
  for (int f = 0; f < gen_nfns; f++) {
    fputc('\n', stdout);
    gen_function(f);
  }
  fputc('\n', stdout);
  gen_main();
  return 0;
}
