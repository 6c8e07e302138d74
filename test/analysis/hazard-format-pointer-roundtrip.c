// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// %p through sprintf and back through sscanf recreates the pointer.
#include "alloc.h"

int sscanf(const char *, const char *, ...);
void *last;
void roundtrip(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  char text[32];
  sprintf(text, "%p", (void *)p);
  sscanf(text, "%p", &last);
}

// The same through a positional conversion (`%2$p`), a width taken from an
// argument, or a conversion the format does not name: one registered with
// register_printf_specifier may keep its argument.
void positional(int i) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  char text[32];
  snprintf(text, sizeof text, "%2$p %1$d", i, (void *)p);
  sscanf(text, "%p", &last);
}

void positional_width(int i) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  char text[32];
  snprintf(text, sizeof text, "%2$*1$p", i, (void *)p);
  sscanf(text, "%p", &last);
}

void registered(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap}}
  char text[32];
  snprintf(text, sizeof text, "%W", p); // expected-warning {{invalid conversion specifier 'W'}}
}

// Standard conversions only read their arguments, positional or not.
int numbers(int i) {
  char *p = malloc(8); // expected-remark {{allocation does not escape}}
  char text[64];
  p[0] = 'x';
  p[1] = 0;
  snprintf(text, sizeof text, "%2$s %1$5.2f %3$lld %4$c %%", 1.5, p, (long long)i, 'c');
  free(p);
  return text[0];
}
