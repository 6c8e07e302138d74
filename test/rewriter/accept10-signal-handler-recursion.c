// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A function holding a 1000-byte block raises a signal whose handler
// calls it again, sixteen levels deep, on a 64 KiB signal stack.  raise()
// was taken for a library call that runs none of the program's code, so
// the function was not seen to recurse and its block went to the stack:
// plain code runs 18 levels there, the blocks on the stack 14 (SIGSEGV).
// A call that sends or unblocks a signal may run a handler now.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int left;
static unsigned total;

static void scratch(void) {
  // REMARK: [[@LINE+1]]:22: remark: allocation does not escape; moved to the frame arena
  unsigned char *p = malloc(1000);
  for (int i = 0; i < 1000; i++)
    p[i] = (unsigned char)(i + left);
  if (left > 0) {
    left--;
    raise(SIGUSR1);
  }
  unsigned s = 0;
  for (int i = 0; i < 1000; i += 3)
    s = s * 31 + p[i];
  total += s;
  free(p);
}

static void handler(int sig) {
  (void)sig;
  scratch();
}

int main(void) {
  left = 16;
  static char alt[65536];
  stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt};
  if (sigaltstack(&ss, 0) != 0)
    return 1;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_ONSTACK | SA_NODEFER;
  if (sigaction(SIGUSR1, &sa, 0) != 0)
    return 1;
  raise(SIGUSR1);
  printf("%u\n", total);
  return 0;
}
