// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: printf -- '-c\n"%s"\n-o %t/a.o\n' > %t/args.rsp
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc @%t/args.rsp | FileCheck %s
// REQUIRES: escape-cc
// A response file is read to classify the command (here: a compile, so the
// plugin and no runtime) and passed to clang unchanged.

// CHECK:      -fplugin-arg-escape-arena=1
// CHECK-NEXT: {{^}}@{{.*}}args.rsp{{$}}
// CHECK-NOT:  libescape-rt
int main(void) { return 0; }
