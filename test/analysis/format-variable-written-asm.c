// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 %s
// RUN: %escape -fsyntax-only -Xclang -verify=pic -fplugin-arg-escape-m=1 -fPIC %s
// A format variable "set only by its declaration" is not when inline
// assembly writes it, and a const format array is not its initializer when
// another definition may replace it: a weak one, or, in a shared object,
// one it exports (the executable's copy interposes).
#include <stdio.h>
#include <stdlib.h>

static char out[64];
static const char PFMT[] = "%p";
const char EXPORTED[] = "%s";
__attribute__((weak)) const char WEAK[] = "%s";

void by_asm(void) {
  int *blk = malloc(64); // expected-remark {{'blk' escapes to heap: retained by 'snprintf'}} pic-remark {{'blk' escapes to heap: retained by 'snprintf'}}
  blk[0] = 4242;
  const char *fmt = "%s";
  __asm__("" : "=r"(fmt) : "0"(PFMT));
  snprintf(out, sizeof out, fmt, (void *)blk);
}

void replaced(void) {
  char *a = malloc(8); // expected-remark {{'a' escapes to heap: retained by 'printf'}} pic-remark {{'a' escapes to heap: retained by 'printf'}}
  char *b = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}} pic-remark {{'b' escapes to heap: retained by 'printf'}}
  a[0] = b[0] = 0;
  printf(WEAK, a);
  printf(EXPORTED, b);
  free(b);
  free(a);
}
