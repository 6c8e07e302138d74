// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -std=c11 -I %inputs %s
// A C99 inline definition (and a GNU `extern inline` one) is there to be
// inlined: a call may run another file's external definition of the name
// instead, which may keep the pointer.  Its body here proves nothing.  A
// file that also declares the function without `inline`, or `extern`,
// provides the external definition: that body is the one calls run.
#include "alloc.h"

inline void inline_sink(char *p) { (void)p; }
extern inline __attribute__((gnu_inline)) void gnu_sink(char *p) { (void)p; }
inline void provided_sink(char *p) { (void)p; }
extern void provided_sink(char *p);
static inline void static_sink(char *p) { (void)p; }

void use_inline(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'inline_sink', whose inline definition may not be the code a call runs}}
  inline_sink(p);
  free(p);
}

void use_gnu(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: passed to 'gnu_sink', whose inline definition may not be the code a call runs}}
  gnu_sink(p);
  free(p);
}

void use_provided(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape}}
  provided_sink(p);
  static_sink(p);
  free(p);
}
