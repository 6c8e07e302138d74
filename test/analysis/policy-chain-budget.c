// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=big -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-chain-budget=8192 -I %inputs %s
// RUN: %escape -O2 -c -o /dev/null -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// The stack bytes promoted along a chain of calls the file shows are
// bounded too, by default 4 KiB: each function of the chain keeps within
// its own frame budget, but a 16 KiB thread stack that held 25 such
// functions in plain code overflowed with their blocks on it.  The
// functions nearest the leaves keep the stack; their callers go to the
// frame arena.  A function's chain is its own stack bytes with the most of
// any function it calls: siblings do not add up.  chain-budget raises it.
#include "alloc.h"

static long use(char *p, int x) {
  for (int i = 0; i < 1000; i++)
    p[i] = (char)(i + x);
  long s = 0;
  for (int i = 0; i < 1000; i += 7)
    s += p[i];
  return s;
}

static long f6(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x);
  free(p);
  return r;
}
static long f5(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x) + f6(x + 1);
  free(p);
  return r;
}
static long f4(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x) + f5(x + 1);
  free(p);
  return r;
}
// Siblings: f3 calls f4 twice and f6; its chain is 1000 + the most of them.
static long f3(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x) + f4(x + 1) + f4(x + 2) + f6(x);
  free(p);
  return r;
}
static long f2(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x) + f3(x + 1);
  free(p);
  return r;
}
long f1(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the frame arena}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x) + f2(x + 1);
  free(p);
  return r;
}
// A function off the chain keeps its own budget.
long other(int x) {
  char *p = malloc(1000); // expected-remark {{allocation does not escape; would move to the stack}} big-remark {{allocation does not escape; would move to the stack}}
  long r = use(p, x);
  free(p);
  return r;
}
// CHECK: Function: f2
// CHECK: - Reason: does not escape; call-chain budget of 4096 bytes is spent by the functions it calls
