// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// strdup and strndup over a pointer's bytes copy them into the new block
// (a user-space address's high bytes are zero, so they end the string and
// the copy's bytes are the address).  The copy holds what the source's
// declared type may hold; a string's characters hold nothing.
#include "alloc.h"

char *strndup(const char *, size_t);

char *g;
void *back;

void dup_kept(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: assigned to global 'g'}}
  g = strdup((char *)&p); // expected-remark {{'g' escapes to heap: assigned to global 'g'}}
}

void dup_read_back(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char *q = strndup((char *)&p, sizeof p); // expected-remark {{allocation does not escape; would move to the frame arena}}
  memcpy(&back, q, 7);
  free(q);
}

void dup_characters(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "abc");
  g = strdup(p); // expected-remark {{'g' escapes to heap: assigned to global 'g'}}
  free(p);
}
