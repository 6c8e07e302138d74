//===- gen-functions.c - Generate a C file with N allocating functions ----===//
//
// Writes one C11 translation unit with N functions full of allocations,
// pointer flows and calls between them, for the analysis cost benchmark:
// the file grows linearly in N, so the analysis' time should too.
//
//===----------------------------------------------------------------------===//
//
// Usage: gen-functions N [SEED] > out.c
//
// Every function is one of five kinds, chosen by its index, so each kind
// makes up a fifth of the file whatever N is:
//
//   0 scratch   buffers that never leave the function (stack candidates),
//               a calloc of dynamic size, a malloc/free pair in a loop
//   1 maker     returns a fresh node whose fields point to fresh memory
//               (escapes through the result; points-to through fields)
//   2 linker    links a fresh node into its parameter and sometimes into a
//               global list (parameter leaks, stores to globals)
//   3 recursive calls itself, and forms a two-function cycle with the next
//               recursive function (SCCs; arena candidates)
//   4 outparam  hands memory back through `char **out`, and copies a
//               struct that holds a pointer
//
// Each function also calls up to two earlier functions (a DAG of summaries
// the analysis builds bottom-up), picked by a fixed LCG so the output for a
// given N and SEED never changes.  The file is meant to be compiled, not run.

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KIND_SCRATCH, KIND_MAKER, KIND_LINKER, KIND_RECURSIVE, KIND_OUTPARAM,
       KIND_COUNT };

static uint64_t gen_state;

static unsigned gen_rand(unsigned bound) {
  gen_state = gen_state * 6364136223846793005u + 1442695040888963407u;
  return (unsigned)((gen_state >> 33) % bound);
}

static int gen_kind(long i) { return (int)(i % KIND_COUNT); }

static void gen_prototype(FILE *f, long i) {
  if (gen_kind(i) == KIND_MAKER)
    fprintf(f, "struct node *f%ld(long n, struct node *in)", i);
  else if (gen_kind(i) == KIND_OUTPARAM)
    fprintf(f, "long f%ld(long n, struct node *in, char **out)", i);
  else
    fprintf(f, "long f%ld(long n, struct node *in)", i);
}

/// gen_call writes a statement that calls f<j> and folds its result into
/// `s` (a long in the caller), so every call's result is used.
static void gen_call(FILE *f, long j) {
  switch (gen_kind(j)) {
  case KIND_MAKER:
    fprintf(f, "  { struct node *m = f%ld(n - 1, in);\n"
               "    if (m) { s += m->n; free(m->name); free(m->vals); free(m); } }\n",
            j);
    break;
  case KIND_OUTPARAM:
    fprintf(f, "  { char *o = 0; s += f%ld(n - 1, in, &o); free(o); }\n", j);
    break;
  default:
    fprintf(f, "  s += f%ld(n - 1, in);\n", j);
    break;
  }
}

static void gen_calls(FILE *f, long i) {
  if (i == 0)
    return;
  int calls = 1 + (int)gen_rand(2);
  for (int c = 0; c < calls; c++) {
    // Mostly nearby callees (like real code's helpers), some far ones.
    long back = gen_rand(4) ? 1 + (long)gen_rand(20) : 1 + (long)gen_rand(i);
    long j = i - back < 0 ? 0 : i - back;
    gen_call(f, j);
  }
}

static void gen_scratch(FILE *f, long i) {
  unsigned size = 16 + gen_rand(240);
  fprintf(f,
          "  char *buf = malloc(%u);\n"
          "  int *tmp = calloc((size_t)(n & 255) + 1, sizeof *tmp);\n"
          "  if (!buf || !tmp) { free(buf); free(tmp); return 0; }\n"
          "  memset(buf, 'a' + (int)(n & 7), %u);\n"
          "  buf[%u] = 0;\n"
          "  for (long k = 0; k <= (n & 255); k++) {\n"
          "    char *line = malloc(32);\n"
          "    if (!line) break;\n"
          "    snprintf(line, 32, \"%%ld:%%ld\", k, n);\n"
          "    tmp[k] = (int)strlen(line) + (int)k * %u;\n"
          "    s += tmp[k];\n"
          "    free(line);\n"
          "  }\n"
          "  s += (long)strlen(buf);\n",
          size, size - 1, size - 1, 1 + gen_rand(9));
  gen_calls(f, i);
  fprintf(f, "  free(tmp);\n  free(buf);\n");
}

static void gen_maker(FILE *f, long i) {
  fprintf(f,
          "  struct node *nd = malloc(sizeof *nd);\n"
          "  if (!nd) return 0;\n"
          "  nd->name = malloc(%u);\n"
          "  nd->vals = calloc(%u, sizeof(int));\n"
          "  nd->next = in;\n"
          "  nd->n = n;\n"
          "  if (nd->name) snprintf(nd->name, %u, \"f%ld-%%ld\", n);\n"
          "  char *tag = strdup(\"f%ld\");\n"
          "  if (tag) { nd->n += (long)strlen(tag); free(tag); }\n",
          24 + gen_rand(40), 4 + gen_rand(60), 24u, i, i);
  fprintf(f, "  long s = 0;\n");
  gen_calls(f, i);
  fprintf(f, "  nd->n += s;\n  return nd;\n");
}

static void gen_linker(FILE *f, long i) {
  fprintf(f,
          "  struct node *nd = malloc(sizeof *nd);\n"
          "  if (!nd) return 0;\n"
          "  nd->name = strdup(\"link%ld\");\n"
          "  nd->vals = 0;\n"
          "  nd->n = n;\n"
          "  nd->next = 0;\n"
          "  if (in) { nd->next = in->next; in->next = nd; }\n"
          "  else if (n & 1) { nd->next = g_list; g_list = nd; }\n"
          "  else { free(nd->name); free(nd); nd = 0; }\n",
          i);
  gen_calls(f, i);
  fprintf(f, "  s += nd ? nd->n : 0;\n");
  if (gen_rand(3) == 0)
    fprintf(f, "  char *keep = malloc(16);\n"
               "  if (keep) { keep[0] = (char)n; g_last = keep; }\n");
}

static void gen_recursive(FILE *f, long i, long n) {
  // Pairs (i, i + 5), (i + 10, i + 15), ... call each other.
  long slot = i / KIND_COUNT;
  long peer = slot % 2 == 0 ? i + KIND_COUNT : i - KIND_COUNT;
  fprintf(f,
          "  if (n <= 0) return 0;\n"
          "  char *p = malloc((size_t)(n & 63) * 4 + 8);\n"
          "  if (!p) return 0;\n"
          "  memset(p, 0, 8);\n"
          "  s += f%ld(n - 1, in) + p[0];\n",
          i);
  if (peer < n)
    fprintf(f, "  s += f%ld(n - 2, in);\n", peer);
  gen_calls(f, i);
  fprintf(f, "  free(p);\n");
}

static void gen_outparam(FILE *f, long i) {
  fprintf(f,
          "  struct node local = { 0, 0, 0, n };\n"
          "  local.name = malloc(%u);\n"
          "  struct node copy = local;\n"
          "  if (copy.name) copy.name[0] = (char)n;\n"
          "  char *res = malloc(%u);\n"
          "  if (res) res[0] = (char)n;\n"
          "  *out = res;\n"
          "  free(copy.name);\n",
          8 + gen_rand(56), 8 + gen_rand(120));
  gen_calls(f, i);
}

static void gen_function(FILE *f, long i, long n) {
  gen_prototype(f, i);
  fprintf(f, " {\n");
  if (gen_kind(i) != KIND_MAKER)
    fprintf(f, "  long s = 0;\n");
  switch (gen_kind(i)) {
  case KIND_SCRATCH:   gen_scratch(f, i); break;
  case KIND_MAKER:     gen_maker(f, i); break;
  case KIND_LINKER:    gen_linker(f, i); break;
  case KIND_RECURSIVE: gen_recursive(f, i, n); break;
  default:             gen_outparam(f, i); break;
  }
  if (gen_kind(i) != KIND_MAKER)
    fprintf(f, "  return s;\n");
  fprintf(f, "}\n\n");
}

static int gen_file(FILE *f, long n) {
  fprintf(f, "/* Generated by gen-functions %ld: do not edit. */\n"
             "#define _POSIX_C_SOURCE 200809L\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n"
             "struct node { struct node *next; char *name; int *vals; long n; };\n"
             "struct node *g_list;\nchar *g_last;\n\n",
          n);
  for (long i = 0; i < n; i++) {
    gen_prototype(f, i);
    fprintf(f, ";\n");
  }
  fprintf(f, "\n");
  for (long i = 0; i < n; i++)
    gen_function(f, i, n);
  return fflush(f) == 0 && !ferror(f) ? 0 : EIO;
}

int main(int argc, char **argv) {
  char *end = 0;
  long n = argc >= 2 ? strtol(argv[1], &end, 10) : 0;
  if (argc < 2 || argc > 3 || *end || n <= 0 || n > 10000000) {
    fprintf(stderr, "gen-functions: error: usage: gen-functions N [SEED]\n");
    return 2;
  }
  gen_state = argc == 3 ? strtoull(argv[2], 0, 10) : 1;
  if (gen_file(stdout, n) != 0) {
    fprintf(stderr, "gen-functions: error: cannot write the output\n");
    return 1;
  }
  return 0;
}
