// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a %t/lib/libescape-rt-dso.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang ESCAPE_CC_ARGS=-DFOO %t/bin/escape-cc -o prog -- a.o -b.o - | FileCheck %s
// RUN: rm -rf %t/run && mkdir -p %t/run && cd %t/run
// RUN: printf 'int add(int a, int b) { return a + b; }\n' > add.c
// RUN: printf '#include <stdio.h>\n#include <stdlib.h>\nint add(int, int);\nint main(void) { char *p = malloc(8); p[0] = (char)(48 + add(2, 3)); p[1] = 0; puts(p); free(p); return 0; }\n' > main.c
// RUN: env ESCAPE_CC_ARGS=-DFOO %escape_cc -O1 -o prog -- main.c add.c
// RUN: ./prog | FileCheck %s --check-prefix=OUT
// REQUIRES: escape-cc
// After `--` every word is an input, and escape-cc's own options and
// libraries come after the user's words: clang took them for file names
// ("no such file or directory: '-lpthread'").  The `--` goes; an input
// after it that starts with '-' is passed as "./" and its name, and "-"
// stays standard input.
// CHECK-NOT: {{^--$}}
// CHECK: a.o
// CHECK-NEXT: ./-b.o
// CHECK-NEXT: {{^-$}}
// CHECK-NEXT: -DFOO
// CHECK: libescape-rt.a
// CHECK-NEXT: -lpthread
// CHECK-NOT: {{^--$}}
// OUT-NOT: error
// OUT: 5
int unused;
