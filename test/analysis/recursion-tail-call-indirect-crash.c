// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// expected-no-diagnostics
// A call through a table of function pointers, with a constant subtracted
// from its result on the way back: the tail-call check on Clang's CFG read
// the callee's declaration, which an indirect call has none of, and the
// plugin crashed (on sqlite3.c).
typedef int (*fn)(int, int);
fn table[2];

int f(int n, int v) {
  if (n <= 0)
    return 0;
  return table[n & 1](n - 1, v) - v;
}

void init(void) {
  table[0] = f;
  table[1] = f;
}
