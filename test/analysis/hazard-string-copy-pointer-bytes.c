// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// Characters may be a pointer's bytes, whatever the type they are declared
// with: a `char *` to a pointer, a character buffer filled one byte at a
// time or through a cast store, a character member so filled, a wrapper
// that takes `const char *`.  A string copy (strcpy, strcat, strncpy, ...)
// copies them (a user-space address's high bytes are zero, so they end
// the string), and so do strdup, strndup and snprintf's %s; writing them
// out lets them leave (setenv here; write and fwrite in
// libc-write-bytes.c).  Each block below escapes; moved, the programs
// that rebuilt the address read what later calls wrote there.
#include "alloc.h"
#include "libc-extra.h"

#include <stdarg.h>

char *strndup(const char *, size_t);

static char g[16];
static char *gd;
struct named { char name[16]; char *p; };

void alias(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'strcpy'}}
  char *bytes = (char *)&p;
  strcpy(g, bytes);
}

void byte_loop(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'stpcpy'}}
  char buf[16] = {0};
  for (unsigned i = 0; i < sizeof p; i++)
    buf[i] = ((char *)&p)[i];
  stpcpy(g, buf);
}

void cast_store(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'strcat'}}
  char *b = calloc(1, 16); // expected-remark {{allocation does not escape; would move to the stack}}
  *(char **)b = p;
  strcat(g, b);
  free(b);
}

void member(void) {
  struct named s = {{0}, 0};
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'strncpy'}}
  for (unsigned i = 0; i < sizeof p; i++)
    s.name[i] = ((char *)&p)[i];
  strncpy(g, s.name, 8);
}

static void copy_out(const char *s) { strcpy(g, s); } // expected-remark {{leaking param content: 's'}}

void wrapper(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: content leaks through parameter 's' of 'copy_out'}}
  copy_out((const char *)&p);
}

void dup_alias(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: assigned to global 'gd'}}
  char *bytes = (char *)&p;
  gd = strndup(bytes, 8); // expected-remark {{'gd' escapes to heap: assigned to global 'gd'}}
}

// snprintf's %s copies characters as strcpy does; setenv keeps them where
// getenv reads them back.
char *getenv(const char *);
static char *back;

void formatted(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char buf[16] = {0};
  snprintf(buf, sizeof buf, "%s", (char *)&p);
  memcpy(&back, buf, 8);
}

void environment(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: written out as bytes by 'setenv'}}
  char *bytes = (char *)&p;
  setenv("ESCAPE_TEST_ADDRESS", bytes, 1);
  memcpy(&back, getenv("ESCAPE_TEST_ADDRESS"), 8);
}

// More copies of characters: strxfrm (glibc's C locale copies the string),
// strftime (the format's characters), sscanf (the input's, into %c, %s and
// %[ targets; a vsscanf's targets are not seen), sprintf (the format's),
// asprintf (into its block, here read back as a pointer).
size_t strxfrm(char *, const char *, size_t);
int sscanf(const char *, const char *, ...);
int vsscanf(const char *, const char *, va_list);
int asprintf(char **, const char *, ...);
extern const struct tm *some_time;

void transformed(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'strxfrm'}}
  char buf[16] = {0};
  strxfrm(buf, (char *)&p, sizeof buf);
  memcpy(&back, buf, 8);
}

void timed(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied as raw bytes by 'strftime'}}
  char buf[16] = {0};
  strftime(buf, sizeof buf, (char *)&p, some_time);
  memcpy(&back, buf, 8);
}

void scanned(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char *bytes = (char *)&p;
  char buf[8];
  int n = 0;
  sscanf(bytes, "%6c%n", buf, &n);
  memcpy(&back, buf, 8);
}

// A pointer's own bytes as the target, cast at the call: the characters
// land in q, which then holds the pointer.
void *kept_q;
void scanned_into_pointer(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: assigned to global 'kept_q'}}
  char *bytes = (char *)&p;
  char *q = 0;
  if (sscanf(bytes, "%6c", (char *)&q) == 1)
    kept_q = q;
}

static int vscan(const char *s, const char *f, ...) { // expected-remark {{leaking param content: 's'}}
  va_list ap;
  va_start(ap, f);
  int r = vsscanf(s, f, ap);
  va_end(ap);
  return r;
}

void vscanned(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: content leaks through parameter 's' of 'vscan'}}
  char buf[8];
  vscan((char *)&p, "%6c", buf);
  memcpy(&back, buf, 8);
}

void printed_format(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char buf[16] = {0};
  sprintf(buf, (char *)&p); // expected-warning {{format string is not a string literal}} expected-note {{treat the string as an argument}}
  memcpy(&back, buf, 8);
}

void allocated_copy(void) {
  char *p = malloc(600); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char *s = 0;
  if (asprintf(&s, "%s", (char *)&p) > 0) // expected-remark {{allocation does not escape; would move to the frame arena}}
    memcpy(&back, s, 8);
}
