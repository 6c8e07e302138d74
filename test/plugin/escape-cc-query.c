// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc --version | FileCheck %s --check-prefix=VERSION
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -print-file-name=libc.so | FileCheck %s --check-prefix=PRINT
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -v | FileCheck %s --check-prefix=V
// REQUIRES: escape-cc
// Questions to the compiler go to clang unchanged, so configure scripts see
// clang's answers.

// VERSION:      {{^}}--version{{$}}
// VERSION-EMPTY:
// PRINT:      {{^}}-print-file-name=libc.so{{$}}
// PRINT-EMPTY:
// V:      {{^}}-v{{$}}
// V-EMPTY:
