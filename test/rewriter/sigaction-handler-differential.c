// REQUIRES: escape-cc
// RUN: %clang -O2 -I %inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -I %inputs -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -I %inputs %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// sigaction keeps what its `act` holds, and hands it back through a later
// call's `oldact`: a block's address in the handler field outlives the
// function that set it, so the block stays on the heap.  Moved to the
// stack, main printed what later calls wrote there.
// CHECK: [secret]
// REMARK: sigaction-handler-differential.c:[[@LINE+10]]:{{.*}}'q' escapes to heap: written out as bytes by 'sigaction'
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scribble.h"

__attribute__((noinline)) static void install(void) {
  char *q = malloc(32);
  strcpy(q, "secret");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  memcpy(&sa.sa_handler, &q, sizeof q);
  sigaction(SIGUSR1, &sa, 0);
}

int main(void) {
  install();
  scribble(3);
  struct sigaction old;
  sigaction(SIGUSR1, 0, &old);
  char *r;
  memcpy(&r, &old.sa_handler, sizeof r);
  printf("[%s]\n", r);
  return 0;
}
