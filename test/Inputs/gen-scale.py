#!/usr/bin/env python3
"""Writes a C file of one shape whose analysis or rewriting once took time
growing faster than the file: the scale tests compile it under a CPU limit.

usage: gen-scale.py SHAPE N > file.c

  interp  one recursive interpreter loop: a switch of N cases, each storing
          through a local pointer set once by its declaration and calling
          the function again; a scratch block allocated per call.
  local   one function with N blocks `p = malloc; use; free`.
  chain   one function linking N allocated nodes into a list it returns.
  selfrec one recursive function of N steps, a third of them allocating a
          node that points to the parameter and recursing with it.
"""
import sys

HEAD = """#include <stdlib.h>
#include <string.h>
struct node { struct node *next; int v; };
struct S { int v; struct S *up; };
struct S *last;
"""


def function(opening, line, closing, n):
    """One function: its opening, line(i) for i < n, its closing."""
    return "".join([HEAD, opening] + [line(i) for i in range(n)] + [closing])


def interp(n):
    return function(
        "int interp(struct S *base, const int *code, int n) {\n"
        "  int acc = 0;\n  char *t = malloc(16);\n  memset(t, n, 16);\n"
        "  acc = t[n & 15];\n  free(t);\n"
        "  for (int pc = 0;; pc++) {\n    struct S *ra = base + (code[pc] >> 8);\n"
        "    switch (code[pc] & 0xffff) {\n",
        lambda i: f"    case {i}: ra->v = acc + {i}; "
                  f"acc += interp(ra, code + {1 + i % 7}, n - 1); break;\n",
        "    default: last = ra; return acc;\n    }\n  }\n}\n", n)


def local(n):
    return function(
        "int big(int k) {\n  int s = 0;\n",
        lambda i: f"  {{ char *p{i} = malloc(32 + (k & {i % 7})); memset(p{i}, k, 32); "
                  f"s += p{i}[{i % 32}]; free(p{i}); }}\n",
        "  return s;\n}\n", n)


def chain(n):
    return function(
        "struct node *big(int k) {\n  struct node *head = 0;\n",
        lambda i: f"  {{ struct node *n{i} = malloc(sizeof(struct node)); n{i}->v = k + {i}; "
                  f"n{i}->next = head; head = n{i}; }}\n",
        "  return head;\n}\n", n)


def selfrec_step(i):
    if i % 3 == 0:
        return (f"  if (pick({i})) {{ struct node *m{i} = malloc(sizeof *m{i}); "
                f"m{i}->next = p; m{i}->v = {i}; s += rec(m{i}, k - 1); free(m{i}); }}\n")
    if i % 3 == 1:
        return f"  if (pick({i})) s += rec(p, k - {1 + i % 5}) - s;\n"
    return f"  if (pick({i})) {{ s ^= {i}; sink(p); }}\n"


def selfrec(n):
    return function(
        "extern int pick(int);\nextern void sink(void *);\n"
        "int rec(struct node *p, int k) {\n  int s = 0;\n  if (k <= 0) return 0;\n",
        selfrec_step, "  return s;\n}\n", n)


SHAPES = {"interp": interp, "local": local, "chain": chain, "selfrec": selfrec}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES or not sys.argv[2].isdigit():
        sys.exit(__doc__)
    sys.stdout.write(SHAPES[sys.argv[1]](int(sys.argv[2])))
