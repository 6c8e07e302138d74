// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s -Wno-format
// (clang's format check is off: one choice prints the pointer with %p)
// A printf format chosen between literals, a const character array
// initialized by one, or a variable of the function set only by its
// declaration, is checked as a literal is: every choice must print only
// numbers, characters and strings.  A writable array, a global pointer or
// a variable assigned again may hold any format by the time of the call.
#include "alloc.h"

static const char SHOUT[] = "%s!\n";
static char loose[] = "%s\n";
const char *fmt_ptr = "%s\n";

void formats(int c) {
  char *a = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *d = malloc(8); // expected-remark {{'d' escapes to heap: retained by 'printf'}}
  char *e = malloc(8); // expected-remark {{'e' escapes to heap: retained by 'printf'}}
  char *f = malloc(8); // expected-remark {{'f' escapes to heap: retained by 'printf'}}
  const char local[] = "[%s]\n";
  char *g = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(a, "a");
  strcpy(b, "b");
  strcpy(d, "d");
  strcpy(e, "e");
  strcpy(f, "f");
  strcpy(g, "g");
  printf(c ? "%s\n" : "<%s>\n", a);
  printf(SHOUT, b);
  printf(c ? "%d %s\n" : "%d %p\n", 1, d); // NOLINT
  printf(loose, e);
  printf(fmt_ptr, f);
  printf(local, g);
  const char *once = c ? "%s\n" : "<%s>\n";
  const char *again = "%s\n";
  char *h = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  char *i = malloc(8); // expected-remark {{'i' escapes to heap: retained by 'printf'}}
  strcpy(h, "h");
  strcpy(i, "i");
  printf(once, h);
  if (c > 1)
    again = "%p\n";
  printf(again, i);
  free(h);
  free(a);
  free(b);
  free(g);
}
