// REQUIRES: escape-cc
// RUN: %clang -O2 %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A block's address sent through a pipe by a helper that writes a buffer
// in full, as `const void *` read through a `const char *` (gnulib's
// full_write, a self-pipe handing jobs to another thread): the address
// comes back from the pipe, so the block stays on the heap.  Moved to the
// stack (the helper's `char` buffer was taken to hold no pointer), main
// read what later calls wrote there and freed a stack address.
// CHECK: 7 hello job
// REMARK: full-write-pipe-differential.c:[[@LINE+22]]:{{.*}}'j' escapes to heap: content leaks through parameter 'buf' of 'full_write'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct job { int id; char text[32]; };
static int fds[2];

static int full_write(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0)
      return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

__attribute__((noinline)) static void submit(int id) {
  struct job *j = malloc(sizeof *j);
  j->id = id;
  strcpy(j->text, "hello job");
  full_write(fds[1], &j, sizeof j);
}

__attribute__((noinline)) static int scribble(int n) {
  volatile char buf[4096];
  for (int i = 0; i < 4096; i++)
    buf[i] = (char)(i + n);
  return buf[n];
}

int main(void) {
  if (pipe(fds))
    return 1;
  submit(7);
  scribble(3);
  struct job *j;
  if (read(fds[0], &j, sizeof j) != sizeof j)
    return 1;
  printf("%d %s\n", j->id, j->text);
  free(j);
  return 0;
}
