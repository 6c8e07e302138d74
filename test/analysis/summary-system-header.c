// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs -isystem %inputs/system %s
// Functions in system headers are summarised for callers but never reported.
#include "alloc.h"

#include <sys-helper.h>
void use(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: passed to 'helper_keep', whose parameter 'p' leaks}}
  helper_keep(p);
}
