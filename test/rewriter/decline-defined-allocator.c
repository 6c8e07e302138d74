// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=1 -spec=%s %t.ll 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TRACE < %t.err
// A translation unit that defines its own 'malloc' keeps its calls: the
// pass only replaces the C library's allocator.
typedef __SIZE_TYPE__ size_t;
static char pool[256];
void *malloc(size_t n) { (void)n; return pool; }

// CHECK-LABEL: define {{.*}}@mine(
// CHECK: call ptr @malloc(i64 noundef 8)
// TRACE: left on the heap: 'malloc' is defined in this translation unit
int mine(void) {
  // ESCAPE-SITE: mine malloc @+1:13 stack size=8
  char *p = malloc(8);
  return p[0];
}
