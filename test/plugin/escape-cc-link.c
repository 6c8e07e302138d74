// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a %t/lib/libescape-rt-dso.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc a.o b.o -o prog | FileCheck %s --check-prefix=EXE
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -shared -fPIC a.o -o lib.so | FileCheck %s --check-prefix=DSO
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -fsanitize=address a.o -o prog | FileCheck %s --check-prefix=CORE
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -r a.o b.o -o c.o | FileCheck %s --check-prefix=NONE
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -nostdlib a.o -o prog | FileCheck %s --check-prefix=NOSTD
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -nodefaultlibs a.o -lc -o prog | FileCheck %s --check-prefix=NOSTD
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -x c - -o prog | FileCheck %s --check-prefix=STDIN
// REQUIRES: escape-cc
// A link step gets the runtime after the user's inputs: the full runtime for
// executables, the core runtime (libc's malloc) for -fsanitize=, the core
// with dynamic TLS for -shared (a library may be dlopen()ed),
// none for partial (-r) links; -nostdlib and -nodefaultlibs links get the
// archive (transformed objects call it) but no library the user did not
// name; after a sticky -x, '-x none' keeps the archive from being read as C.

// EXE-NOT:  -fplugin
// EXE:      {{^}}b.o{{$}}
// EXE-NEXT: {{^}}-o{{$}}
// EXE-NEXT: {{^}}prog{{$}}
// EXE-NEXT: {{/lib/libescape-rt.a$}}
// EXE-NEXT: {{^}}-lpthread{{$}}

// CORE:      {{/lib/libescape-rt-core.a$}}
// CORE-NEXT: {{^}}-lpthread{{$}}

// DSO:      {{/lib/libescape-rt-dso.a$}}
// DSO-NEXT: {{^}}-lpthread{{$}}

// NONE-NOT: libescape-rt
// NONE-NOT: -lpthread

// NOSTD:     {{/lib/libescape-rt.a$}}
// NOSTD-NOT: -lpthread

// STDIN:      -fplugin-arg-escape-arena=1
// STDIN:      {{^}}prog{{$}}
// STDIN-NEXT: {{^}}-x{{$}}
// STDIN-NEXT: {{^}}none{{$}}
// STDIN-NEXT: {{/lib/libescape-rt.a$}}
int main(void) { return 0; }
