// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -O1 -fsanitize=address -c %s | FileCheck %s --check-prefix=OFF
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -fsanitize=undefined,thread -c %s | FileCheck %s --check-prefix=OFF
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -fsanitize=memory -c %s | FileCheck %s --check-prefix=OFF
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -fsanitize=undefined -c %s | FileCheck %s --check-prefix=ON
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -fsanitize=address -fplugin-arg-escape-transform=1 -c %s | FileCheck %s --check-prefix=USER
// RUN: %escape_cc -O1 -g -fsanitize=address %s -o %t/asan
// RUN: not %t/asan 2>&1 | FileCheck %s --check-prefix=REPORT
// REQUIRES: escape-cc
// Under a sanitizer that watches heap blocks (address, memory, thread, leak,
// hwaddress), escape-cc leaves allocations where the program put them: ASan
// did not report an overflow of a block moved to the frame arena.  Other
// sanitizers keep the transformation, and an explicit
// -fplugin-arg-escape-transform=1, which comes later, wins.

// OFF:      {{^}}-fplugin-arg-escape-arena=1{{$}}
// OFF-NEXT: {{^}}-fplugin-arg-escape-transform=0{{$}}
// ON:       {{^}}-fplugin-arg-escape-arena=1{{$}}
// ON-NOT:   -fplugin-arg-escape-transform=0
// USER:     {{^}}-fplugin-arg-escape-transform=0{{$}}
// USER:     {{^}}-fplugin-arg-escape-transform=1{{$}}
// REPORT:   AddressSanitizer: heap-buffer-overflow
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int overrun(int n) {
  char *p = malloc((size_t)n); // dynamic size: would move to the frame arena
  memset(p, 'a', (size_t)n);
  int r = p[n]; // one byte past the end
  free(p);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", overrun(argc + 15) != 0x7f);
  return 0;
}
