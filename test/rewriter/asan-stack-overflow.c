// RUN: %c_to_ir -O0 -fsanitize=address %s -o %t.ll
// RUN: %rewrite_ir -O0 -spec=%s %t.ll -o %t.esc.ll
// RUN: %clang -fsanitize=address %t.esc.ll -o %t
// RUN: %t 0
// RUN: not %t 16 2>&1 | FileCheck %s
// Promoted storage stays visible to ASan: writing one past the 16 bytes
// malloc asked for is reported on the stack storage that replaced it.
#include "alloc.h"
int atoi(const char *s);

// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow
// CHECK: 'p.stack'
int main(int argc, char **argv) {
  int i = argc > 1 ? atoi(argv[1]) : 0;
  // ESCAPE-SITE: main malloc @+1:13 stack size=16 name=p
  char *p = malloc(16);
  p[i] = 1;
  int r = p[i] - 1;
  // ESCAPE-FREE: main free @+1:3 sites=0
  free(p);
  return r;
}
