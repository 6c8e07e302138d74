// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FREE
// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-report=- -Wframe-larger-than=512 -Werror -c %s -o /dev/null | FileCheck %s --check-prefix=LIMIT
// RUN: %escape -O2 -fplugin-arg-escape-m=1 -Wframe-larger-than=512 -Werror -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOARENA
// RUN: %escape -O0 -fplugin-arg-escape-arena=1 -Wframe-larger-than=512 -Werror -c %s -o /dev/null
//
// With -Wframe-larger-than=N no block moves: on the stack its bytes could
// take the frame past N, a warning plain clang does not give (an error
// under -Werror), and in the frame arena its function's mark could (16
// bytes took an inlined caller's frame past N).
#include <stdlib.h>
#include <string.h>

int work(const char *s) {
  char *b = malloc(900);
  // FREE: [[@LINE-1]]:13: remark: allocation does not escape; moved to the stack
  // NOARENA: [[@LINE-2]]:13: remark: allocation does not escape; stays on the heap: frame size is limited (-Wframe-larger-than=512); the frame arena is off
  strcpy(b, s);
  strcat(b, "-suffix");
  int n = (int)strlen(b);
  free(b);
  return n;
}
// LIMIT:      Name: DoesNotEscape
// LIMIT:      - Reason: frame size is limited (-Wframe-larger-than=512); the frame arena's mark takes frame bytes too
