// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// write, fwrite, fputs and puts send their buffer's bytes to a file, a pipe
// or a socket, from which the program can read them back: a pointer among
// them escapes.  A buffer of characters is only read.
#include "alloc.h"

long write(int, const void *, size_t);
size_t fwrite(const void *, size_t, size_t, FILE *);
int fputs(const char *, FILE *);
extern FILE *out;

struct job { int id; char name[28]; };
void submit(int fd, int id) {
  struct job *j = malloc(sizeof *j); // expected-remark {{'j' escapes to heap: written out as bytes by 'write'}}
  j->id = id;
  write(fd, &j, sizeof j);
}

void spool(const char *s) {
  char *copy = strdup(s); // expected-remark {{'copy' escapes to heap: written out as bytes by 'fwrite'}}
  fwrite(&copy, sizeof copy, 1, out);
}

struct msg { char *body; long len; };
void send_struct(int fd) {
  struct msg m;
  m.body = malloc(32); // expected-remark {{'m.body' escapes to heap: written out as bytes by 'write'}}
  m.len = 32;
  write(fd, &m, sizeof m);
}

int text(int fd) {
  char *line = malloc(64); // expected-remark {{allocation does not escape; would move to the stack}}
  strcpy(line, "hello\n");
  write(fd, line, strlen(line));
  fwrite(line, 1, 6, out);
  fputs(line, out);
  puts(line);
  int r = line[0];
  free(line);
  return r;
}

// A string field of a record that holds pointers: its characters only.
struct entry { struct entry *next; char name[16]; };
int name_out(void) {
  struct entry *e = malloc(sizeof *e); // expected-remark {{allocation does not escape; would move to the stack}}
  e->next = 0;
  strcpy(e->name, "n");
  fputs(e->name, out);
  free(e);
  return 0;
}
