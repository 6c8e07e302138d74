// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=- -I %inputs %s | FileCheck %s
// A site the policy declines is a Missed/DoesNotEscape document with the policy's reason.
#include "alloc.h"

size_t room(void) {
  char *p = malloc(8);
  size_t n = malloc_usable_size(p);
  free(p);
  return n;
}
// CHECK:      --- !Missed
// CHECK-NEXT: Pass: escape
// CHECK-NEXT: Name: DoesNotEscape
// CHECK:      - Storage: heap
// CHECK-NEXT: - String: ': '
// CHECK-NEXT: - Reason: passed to 'malloc_usable_size'
