// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// write, fwrite, fputs and puts send their buffer's bytes to a file, a pipe
// or a socket, from which the program can read them back: a pointer among
// them escapes, whatever the buffer's declared type: characters may be a
// pointer's bytes.  A buffer of characters that holds none is only read.
// Text written to a stream (fputs, puts) carries an address only when its
// memory is declared to hold one, as printf's %s (the user guide's
// assumptions).
#include "alloc.h"
#include "libc-extra.h"

extern FILE *out;

struct job { int id; char name[28]; };
void submit(int fd, int id) {
  struct job *j = malloc(sizeof *j); // expected-remark {{'j' escapes to heap: written out as bytes by 'write'}}
  j->id = id;
  write(fd, &j, sizeof j);
}

void spool(const char *s) { // expected-remark {{leaking param content: 's'}}
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

// A string field of a record: the record stays, but what it points to
// escapes, as the analysis does not tell the field from the others.
struct entry { struct entry *next; char name[16]; };
int name_out(void) {
  struct entry *e = malloc(sizeof *e); // expected-remark {{allocation does not escape; would move to the stack}}
  e->next = 0;
  strcpy(e->name, "n");
  fputs(e->name, out);
  free(e);
  return 0;
}

int name_out_linked(void) {
  struct entry *e = malloc(sizeof *e); // expected-remark {{allocation does not escape; would move to the stack}}
  // BAD: stack; only e->name's characters are written.
  e->next = malloc(sizeof *e->next); // expected-remark {{'e->next' escapes to heap: written out as bytes by 'fwrite'}}
  e->next->next = 0;
  strcpy(e->name, "n");
  fwrite(e->name, 1, strlen(e->name), out);
  free(e->next);
  free(e);
  return 0;
}

int name_text_linked(void) {
  struct entry *e = malloc(sizeof *e); // expected-remark {{allocation does not escape; would move to the stack}}
  e->next = malloc(sizeof *e->next); // expected-remark {{allocation does not escape; would move to the stack}}
  e->next->next = 0;
  strcpy(e->name, "n");
  fputs(e->name, out);
  puts(e->name);
  printf("%s\n", e->name);
  free(e->next);
  free(e);
  return 0;
}

int address_text(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: written out as bytes by 'fputs'}}
  fputs((const char *)&p, out);
  free(p);
  return 0;
}

// A helper that writes a buffer in full, through a `const char *`: a
// pointer passed to it is written out.
static int full_write(int fd, const void *buf, size_t n) { // expected-remark {{leaking param content: 'buf'}}
  const char *p = buf;
  while (n > 0) {
    long w = write(fd, p, n);
    if (w <= 0)
      return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

void submit_full(int fd) {
  struct job *j = malloc(sizeof *j); // expected-remark {{'j' escapes to heap: content leaks through parameter 'buf' of 'full_write'}}
  j->id = 1;
  full_write(fd, &j, sizeof j);
}
