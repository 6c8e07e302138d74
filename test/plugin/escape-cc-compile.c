// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -O2 -c %s -o %t/a.o | FileCheck %s
// REQUIRES: escape-cc
// escape-cc adds the plugin in transform mode with the arena to a C compile,
// and no runtime, as nothing is linked.

// CHECK:      {{^}}-fplugin={{.*}}/lib/escape-plugin.so{{$}}
// CHECK-NEXT: {{^}}-fplugin-arg-escape-arena=1{{$}}
// CHECK-NEXT: {{^}}-O2{{$}}
// CHECK-NEXT: {{^}}-c{{$}}
// CHECK-NEXT: escape-cc-compile.c
// CHECK-NEXT: {{^}}-o{{$}}
// CHECK-NEXT: a.o
// CHECK-NOT:  libescape-rt
int main(void) { return 0; }
