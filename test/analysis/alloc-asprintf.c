// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// asprintf and vasprintf return their block through their first argument:
// a site, as posix_memalign's.  A block that does not escape goes to the
// frame arena (esc_frame_asprintf), never the stack; one that escapes
// stays on the heap.  What they print is the block's contents.
#include "alloc.h"

void consume(char *);
char *kept;

void local(int i) {
  char *msg;
  if (asprintf(&msg, "item %d\n", i) < 0) // expected-remark {{allocation does not escape; would move to the frame arena}}
    return;
  puts(msg);
  free(msg);
}

char *returned(int i) {
  char *msg = 0;
  asprintf(&msg, "%d", i); // expected-remark {{allocation escapes to heap: returned from 'returned'}}
  return msg;
}

void global(int i) {
  asprintf(&kept, "%d", i); // expected-remark {{allocation escapes to heap: stored by 'asprintf'}}
}

void unknown(int i) {
  char *msg;
  if (asprintf(&msg, "%d", i) >= 0) // expected-remark {{allocation escapes to heap: passed to 'consume', whose code is not in this file}}
    consume(msg);
}

// The caller's pointer: the block is stored into memory the caller sees.
void through(char **where, int i) {
  asprintf(where, "%d", i); // expected-remark {{allocation escapes to heap: stored by 'asprintf'}}
}

// What it prints: a block printed with %p escapes (its address is text
// that can be read back; the call keeps all it prints then), one printed
// with %s only lends its characters.
void printed(void) {
  char *a = malloc(16); // expected-remark {{'a' escapes to heap: retained by 'asprintf'}}
  char *b = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(b, "name");
  char *s, *t;
  if (asprintf(&s, "%s", b) >= 0) { // expected-remark {{allocation does not escape; would move to the frame arena}}
    puts(s);
    free(s);
  }
  if (asprintf(&t, "%p", a) >= 0) { // expected-remark {{allocation does not escape; would move to the frame arena}}
    puts(t);
    free(t);
  }
  free(a);
  free(b);
}

// A pointer's bytes printed as characters are in the block, and come
// back out of it.
void *back;
void bytes(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char *s;
  if (asprintf(&s, "%s", (char *)&p) > 0) { // expected-remark {{allocation does not escape; would move to the frame arena}}
    memcpy(&back, s, 8);
    free(s);
  }
}

// A logging helper that formats into a block and writes it out.  Its
// va_list goes to vasprintf, so its callers' arguments escape (the
// helper is not one that only prints them).
void say(const char *fmt, ...) {
  va_list ap;
  char *s;
  __builtin_va_start(ap, fmt);
  int n = vasprintf(&s, fmt, ap); // expected-remark {{allocation does not escape; would move to the frame arena}}
  __builtin_va_end(ap);
  if (n < 0)
    return;
  puts(s);
  free(s);
}

void caller(void) {
  char *w = malloc(8); // expected-remark {{'w' escapes to heap: passed to 'say'}}
  strcpy(w, "w");
  say("%s\n", w);
  free(w);
}
