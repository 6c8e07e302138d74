// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-transform=0 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-stack-limit=64 -fplugin-arg-escape-small-stack=32 -fplugin-arg-escape-frame-budget=128 -fplugin-arg-escape-chain-budget=2048 -fplugin-arg-escape-arena-cap=4096 -fplugin-arg-escape-solver-budget=100000 -fplugin-arg-escape-trace=0 -I %inputs %s
// All arguments together are accepted and take effect.
#include "alloc.h"

void use(void) {
  char *p = malloc(65); // expected-remark {{allocation does not escape; would move to the frame arena}}
  free(p);
}
