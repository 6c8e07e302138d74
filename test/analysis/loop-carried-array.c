// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// Objects stored in an array declared outside the loop are loop-carried.
#include "alloc.h"

void fill(void) {
  char *slots[4];
  for (int i = 0; i < 4; i++)
    slots[i] = malloc(8); // expected-remark {{allocation does not escape; would move to the frame arena}}
  for (int i = 0; i < 4; i++)
    free(slots[i]);
}
