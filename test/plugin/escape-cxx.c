// REQUIRES: escape-cc, runtime
// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc && ln -s escape-cc %t/bin/escape-c++
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a %t/lib/libescape-rt-dso.a
// RUN: printf '#!/bin/sh\necho clangxx\nfor a in "$@"; do echo "$a"; done\n' > %t/clangxx
// RUN: chmod +x %t/clangxx
// RUN: env ESCAPE_CC_CLANGXX=%t/clangxx %t/bin/escape-c++ -O2 -c main.cc -o main.o | FileCheck %s --check-prefix=COMPILE
// RUN: env ESCAPE_CC_CLANGXX=%t/clangxx %t/bin/escape-c++ -O2 -c a.c -o a.o | FileCheck %s --check-prefix=COMPILE
// RUN: env ESCAPE_CC_CLANGXX=%t/clangxx %t/bin/escape-c++ main.o a.o -o prog | FileCheck %s --check-prefix=LINK
//
// The real thing: a C file escape-cc compiled, whose block moved to the
// frame arena, linked into a C++ program by escape-c++ (g++ or clang++
// alone leave esc_frame_* undefined).
// RUN: %escape_cc -O2 -c %s -o %t/a.o -fplugin-arg-escape-m=1 2>&1 | FileCheck %s --check-prefix=MOVED
// RUN: printf '#include <cstdio>\n#include <string>\nextern "C" int sum_block(int n);\nint main() { std::string s("sum"); std::printf("%%%%s %%%%d\\n", s.c_str(), sum_block(100)); }\n' > %t/main.cc
// RUN: not %clang -x c++ %t/main.cc -x none %t/a.o -lstdc++ -o %t/prog-plain 2>&1 | FileCheck %s --check-prefix=UNDEF
// RUN: %escape_cxx -O2 %t/main.cc %t/a.o -o %t/prog
// RUN: %t/prog | FileCheck %s --check-prefix=OUT
//
// escape-c++ (escape-cc under that name) runs clang++ without the plugin,
// and its links get the runtime as escape-cc's do.
#include <stdlib.h>
#include <string.h>

int sum_block(int n) {
  char *p = malloc(n);
  memset(p, 1, n);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  free(p);
  return s;
}

// COMPILE:     clangxx
// COMPILE-NOT: -fplugin
// COMPILE-NOT: libescape-rt

// LINK:      clangxx
// LINK-NOT:  -fplugin
// LINK:      {{^}}prog{{$}}
// LINK-NEXT: {{/lib/libescape-rt.a$}}
// LINK-NEXT: {{^}}-lpthread{{$}}

// MOVED: remark: allocation does not escape; moved to the frame arena
// UNDEF: undefined reference to `esc_frame
// OUT: sum 100
