// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// glibc declares fopen, popen and opendir __attribute__((malloc)), as it does
// here: they were taken for allocators of unknown code, every argument
// escaped ("'b' escapes to heap: passed to 'fopen'"), and the FILE was
// reported as a site ("no known deallocator for 'fopen'").  A library
// allocator in the table is a call the table describes, not a site.  gethostname,
// inet_pton and inet_ntop read and write their buffers; dirname and
// basename return a pointer into their argument.
#include "alloc.h"
#include "libc-extra.h"

void *mystery_alloc(const char *) __attribute__((malloc));

int open_copy(const char *p) {
  char *b = strdup(p); // expected-remark {{allocation does not escape}}
  FILE *f = fopen(b, "r");
  free(b);
  if (f)
    fclose(f);
  return f != 0;
}

int run_copy(const char *cmd) {
  char *c = strdup(cmd); // expected-remark {{allocation does not escape}}
  FILE *f = popen(c, "r");
  free(c);
  return f ? pclose(f) : -1;
}

int list_copy(const char *p) {
  char *b = strdup(p); // expected-remark {{allocation does not escape}}
  DIR *d = opendir(b);
  free(b);
  return d ? closedir(d) : -1;
}

int host(void) {
  char *h = malloc(64); // expected-remark {{allocation does not escape}}
  int r = gethostname(h, 64);
  free(h);
  return r;
}

int addr(const char *s, char *out) {
  unsigned char *a = malloc(16); // expected-remark {{allocation does not escape}}
  int r = inet_pton(2, s, a);
  char *t = malloc(64); // expected-remark {{allocation does not escape}}
  if (r == 1)
    strcpy(out, inet_ntop(2, a, t, 64));
  free(a);
  free(t);
  return r;
}

size_t dir_len(const char *s) {
  char *c = strdup(s); // expected-remark {{allocation does not escape}}
  size_t n = strlen(dirname(c));
  free(c);
  return n;
}

char *last_base;
void keep_base(const char *s) { // expected-remark {{leaking param content: 's'}}
  char *c = strdup(s); // expected-remark {{'c' escapes to heap: assigned to global 'last_base'}}
  last_base = basename(c);
}

const char *last_text;
void keep_ntop(const void *a) {
  char *t = malloc(64); // expected-remark {{'t' escapes to heap: assigned to global 'last_text'}}
  last_text = inet_ntop(2, a, t, 64);
}

// An allocator the table does not know: its arguments still escape.
void *unknown(const char *s) { // expected-remark {{leaking param content: 's'}}
  char *c = strdup(s); // expected-remark {{'c' escapes to heap: passed to 'mystery_alloc', whose code is not in this file}}
  void *r = mystery_alloc(c); // expected-remark {{'r' escapes to heap: returned from 'unknown'}}
  free(c);
  return r;
}

// A function of another file: the remark says the analysis cannot see it,
// where "passed to 'ext_len'" alone read like a callee known to keep it.
size_t ext_len(const char *);
size_t other_file(const char *s) { // expected-remark {{leaking param content: 's'}}
  char *c = strdup(s); // expected-remark {{'c' escapes to heap: passed to 'ext_len', whose code is not in this file}}
  size_t n = ext_len(c);
  free(c);
  return n;
}
