// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 %s
// A stream made with fopencookie has a write function of the program's
// own, and glibc hands it the caller's buffer itself when the stream is
// unbuffered or the write is larger than its buffer: it may keep the
// pointer.  In a file that makes such streams, a buffer passed to a stdio
// write escapes.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *seen[8];
static int nseen;

static ssize_t keep_write(void *cookie, const char *buf, size_t n) { // expected-remark {{leaking param: 'buf'}}
  (void)cookie;
  if (nseen < 8)
    seen[nseen++] = buf;
  return (ssize_t)n;
}

FILE *open_keeper(void) {
  cookie_io_functions_t io = {0, keep_write, 0, 0};
  FILE *f = fopencookie(0, "w", io); // expected-remark {{'f' escapes to heap: returned from 'open_keeper'}}
  if (f)
    setvbuf(f, 0, _IONBF, 0);
  return f;
}

void say(FILE *f, int i) {
  char *line = malloc(32); // expected-remark {{'line' escapes to heap: handed to the write function of a stream by 'fputs'}}
  snprintf(line, 32, "line %d", i);
  fputs(line, f);
}

void say_block(FILE *f, int i) {
  char *block = malloc(8192); // expected-remark {{'block' escapes to heap: handed to the write function of a stream by 'fwrite'}}
  memset(block, 'a' + i, 8192);
  fwrite(block, 1, 8192, f);
}

// So may printf's format and arguments, and perror's message.
void say_formatted(FILE *f, int i) {
  char *word = malloc(4096); // expected-remark {{'word' escapes to heap: handed to the write function of a stream by 'fprintf'}}
  memset(word, 'a' + i, 4095);
  word[4095] = 0;
  fprintf(f, "%s\n", word);
}

void complain(int i) {
  char *msg = malloc(64); // expected-remark {{'msg' escapes to heap: handed to the write function of a stream by 'perror'}}
  snprintf(msg, 64, "step %d", i);
  perror(msg);
}
