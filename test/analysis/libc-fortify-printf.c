// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -O2 -D_FORTIFY_SOURCE=2 %s
// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -O2 -D_FORTIFY_SOURCE=3 %s
// Under _FORTIFY_SOURCE glibc's printf family becomes __printf_chk(flag,
// fmt, ...), __sprintf_chk(s, flag, size, fmt, ...) and so on: the checks
// take their numbers before the format, and fgets and fread theirs before
// the count.  Distribution builds fortify by default; every block printed
// with %s had stayed on the heap, "retained by 'printf'".
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print(FILE *f) {
  char *s = malloc(32); // expected-remark {{allocation does not escape}}
  strcpy(s, "hello");
  printf("%s\n", s);
  fprintf(f, "[%s]\n", s);
  dprintf(2, "%s", s);
  char *t = malloc(64); // expected-remark {{allocation does not escape}}
  sprintf(t, "<%s>", s);
  snprintf(t, 64, "<%s>", s);
  puts(t);
  char *u = NULL;
  if (asprintf(&u, "%s", s) >= 0) {
    puts(u);
    free(u);
  }
  free(t);
  free(s);
}

void read_in(FILE *f) {
  char *line = malloc(128); // expected-remark {{allocation does not escape}}
  if (fgets(line, 128, f))
    fputs(line, stdout);
  char *buf = malloc(256); // expected-remark {{allocation does not escape}}
  size_t n = fread(buf, 1, 256, f);
  fwrite(buf, 1, n, stdout);
  free(buf);
  free(line);
}

// A printed address can come back: the arguments of a format that prints
// one still escape.
void address(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: retained by 'printf'}}
  printf("%p\n", (void *)p);
  char *q = malloc(8); // expected-remark {{'q' escapes to heap: retained by 'sprintf'}}
  char out[32];
  sprintf(out, "%p", (void *)q);
  puts(out);
  free(q);
  free(p);
}

// A format that is not a literal proves nothing either.
void variable(const char *fmt) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: retained by 'fprintf'}}
  fprintf(stderr, fmt, p);
  free(p);
}

// The checking forms copy a `%s` argument's characters into the buffer as
// sprintf does: a pointer's bytes among them come back out of it.
char *copied_back;

void characters_copied(void) {
  char *p = malloc(32); // expected-remark {{'p' escapes to heap: copied by 'memcpy'}}
  char buf[16] = {0};
  snprintf(buf, sizeof buf, "%s", (char *)&p);
  memcpy(&copied_back, buf, 8);
  char *q = malloc(32); // expected-remark {{'q' escapes to heap: copied by 'memcpy'}}
  char buf2[16] = {0};
  sprintf(buf2, "%s", (char *)&q);
  memcpy(&copied_back, buf2, 8);
}
