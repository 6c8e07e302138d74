// Recursion whose levels hold large objects (1-4 KiB, constant sizes that
// fit the stack policy): a directly recursive flood fill with a 4 KiB row
// copy per level, two functions calling each other with 2 KiB and 3 KiB
// blocks, and a bytecode interpreter whose opcodes recurse through a
// dispatch table filled at run time (the call graph cannot see the cycle).
// 3000-4000 levels: the blocks alone would need 6-16 MiB of stack.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long fill(int depth, int seed) {
  unsigned char *row = malloc(4096);
  memset(row, (unsigned char)(seed + depth), 4096);
  row[depth % 4096] ^= 0x5a;
  long here = row[(depth * 7) % 4096] + row[depth % 4096];
  long below = depth > 0 ? fill(depth - 1, seed) : 0;
  here += row[4095];
  free(row);
  return here + below;
}

static long odd_level(int n);

static long even_level(int n) {
  char *buf = malloc(2048);
  int len = snprintf(buf, 2048, "even %d", n);
  memset(buf + len, '.', 2047 - (size_t)len);
  buf[2047] = 0;
  long r = n ? odd_level(n - 1) : 0;
  r += (long)strlen(buf) % 13;
  free(buf);
  return r;
}

static long odd_level(int n) {
  double *v = malloc(3072);
  for (int i = 0; i < 384; i++) v[i] = n * 0.5 + i;
  long r = n ? even_level(n - 1) : 0;
  r += (long)v[383] % 11;
  free(v);
  return r;
}

/* Bytecode: each opcode's handler runs the rest of the program. */
struct vm;
typedef long (*op_fn)(struct vm *, int pc);
struct vm { const unsigned char *code; int len; op_fn *table; };

static long run_from(struct vm *m, int pc) {
  return pc < m->len ? m->table[m->code[pc] % 4](m, pc) : 0;
}

static long op_push(struct vm *m, int pc) {
  int *frame = malloc(sizeof(int) * 256);       /* 1 KiB of locals */
  for (int i = 0; i < 256; i++) frame[i] = pc + i;
  long r = frame[255] % 3 + run_from(m, pc + 1);
  free(frame);
  return r;
}

static long op_text(struct vm *m, int pc) {
  char *s = calloc(1, 2500);
  snprintf(s, 2500, "op %d", pc);
  long r = (long)strlen(s) + run_from(m, pc + 1);
  free(s);
  return r;
}

static long op_sum(struct vm *m, int pc) {
  long *acc = malloc(sizeof(long) * 512);       /* 4 KiB */
  for (int i = 0; i < 512; i++) acc[i] = i;
  long r = run_from(m, pc + 1) + acc[pc % 512] % 5;
  free(acc);
  return r;
}

static long op_nop(struct vm *m, int pc) { return run_from(m, pc + 1); }

static op_fn *g_table;

int main(void) {
  printf("fill %ld %ld\n", fill(10, 1), fill(3000, 2));
  printf("levels %ld %ld\n", even_level(9), even_level(4000));
  g_table = malloc(sizeof(op_fn) * 4);  // keep: stored in a global
  g_table[0] = op_push; g_table[1] = op_text; g_table[2] = op_sum; g_table[3] = op_nop;
  int len = 3500;
  unsigned char *code = malloc((size_t)len);  // keep: reachable from the vm handed to handlers through a function-pointer table
  for (int i = 0; i < len; i++) code[i] = (unsigned char)((i * 5 + i / 7) % 4);
  struct vm m = { code, len, g_table };
  printf("vm %ld\n", run_from(&m, 0));
  long t = 0;
  for (int i = 0; i < 200; i++) { m.len = i; t += run_from(&m, 0); }
  printf("vm loop %ld\n", t);
  free(code);
  free(g_table);
  return 0;
}
