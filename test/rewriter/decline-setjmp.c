// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// A function that calls setjmp keeps its heap calls: a longjmp back into it
// could revive a pointer to storage the pass would reuse.
#include "alloc.h"
typedef long jmp_buf[8];
int setjmp(jmp_buf env) __attribute__((returns_twice));

jmp_buf env;
// CHECK-LABEL: define {{.*}}@jumpy(
// CHECK: call {{.*}}@malloc(i64 noundef 8)
// TRACE: left on the heap: function calls setjmp or another returns_twice function
int jumpy(void) {
  // ESCAPE-SITE: jumpy malloc @+1:13 arena
  char *p = malloc(8);
  if (setjmp(env))
    return 1;
  p[0] = 0;
  return p[0];
}
