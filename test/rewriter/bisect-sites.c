// RUN: %c_to_ir -O0 %s -o %t.ll
// RUN: %rewrite_ir -O0 -trace=2 -bisect=n -spec=%s %t.ll 2>&1 >/dev/null | FileCheck %s --check-prefix=NONE
// RUN: %rewrite_ir -O0 -trace=1 -bisect=y -spec=%s %t.ll 2>&1 >/dev/null | FileCheck %s --check-prefix=ALL
// RUN: %rewrite_ir -print-hash=bisect-sites.c:15:13 -print-hash=bisect-sites.c:17:13 | FileCheck %s --check-prefix=HASH
// RUN: %rewrite_ir -O0 -trace=2 -bisect=11 -spec=%s %t.ll 2>&1 >/dev/null | FileCheck %s --check-prefix=B11
// RUN: %rewrite_ir -O0 -trace=2 -bisect=01 -spec=%s %t.ll 2>&1 >/dev/null | FileCheck %s --check-prefix=B01
// The bisect pattern enables only the sites whose key hash it selects; the
// others stay on the heap.  (The two keys below differ in hash bit 1.)
#include "alloc.h"

// HASH: bisect-sites.c:15:13 0xa751e799b246331f selected
// HASH: bisect-sites.c:17:13 0xaa20dfab5e2d9c89 selected
int two(void) {
  // ESCAPE-SITE: two malloc @+1:13 stack size=8
  char *a = malloc(8);
  // ESCAPE-SITE: two malloc @+1:13 stack size=8
  char *b = malloc(8);
  a[0] = b[0] = 1;
  return a[0] + b[0];
}
// NONE: escape: two: 'malloc' at bisect-sites.c:15:13 -> heap (bisect)
// NONE: escape: two: 'malloc' at bisect-sites.c:17:13 -> heap (bisect)
// ALL: escape: two: 'malloc' at bisect-sites.c:15:13 -> stack (8 bytes)
// ALL: escape: two: 'malloc' at bisect-sites.c:17:13 -> stack (8 bytes)
// B11-DAG: escape: two: 'malloc' at bisect-sites.c:15:13 -> stack (8 bytes)
// B11-DAG: escape: two: 'malloc' at bisect-sites.c:17:13 -> heap (bisect)
// B01-DAG: escape: two: 'malloc' at bisect-sites.c:15:13 -> heap (bisect)
// B01-DAG: escape: two: 'malloc' at bisect-sites.c:17:13 -> stack (8 bytes)
