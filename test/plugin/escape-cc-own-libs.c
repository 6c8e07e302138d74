// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -O2 %s -o %t/plain && %t/plain > %t/plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 -c %s -o %t/a.o 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %escape_cc -O2 -nodefaultlibs %s -lc -o %t/nodefaultlibs
// RUN: %t/nodefaultlibs > %t/nodefaultlibs.out && diff %t/plain.out %t/nodefaultlibs.out
// RUN: %escape_cc -O2 -nolibc %s -lc -o %t/nolibc
// RUN: %t/nolibc > %t/nolibc.out && diff %t/plain.out %t/nolibc.out
// RUN: %escape_cc -O2 -nostdlib %crt_dir/Scrt1.o %crt_dir/crti.o %s %crt_dir/crtn.o -lc -o %t/nostdlib
// RUN: %t/nostdlib > %t/nostdlib.out && diff %t/plain.out %t/nostdlib.out
// RUN: %escape_cc -O2 -nostartfiles %crt_dir/Scrt1.o %crt_dir/crti.o %s %crt_dir/crtn.o -o %t/nostartfiles
// RUN: %t/nostartfiles > %t/nostartfiles.out && diff %t/plain.out %t/nostartfiles.out
// REQUIRES: escape-cc
//
// Links that name their own libraries or start files build and run as
// with clang.  The runtime comes after -nodefaultlibs and -nostdlib too (the
// moved blocks call it) and takes its C library calls from the user's -lc;
// it does not need the dynamic loader's __libc_stack_end (not searched when
// the libraries are named) nor crtbegin's __dso_handle (absent under
// -nostartfiles), which pthread_atfork would have brought in.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static size_t shout(const char *s) {
  char *t = strdup(s); // REMARK: [[@LINE]]:13: remark: allocation does not escape; moved to the frame arena
  for (char *p = t; *p; p++)
    if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
  printf("%s\n", t);
  size_t n = strlen(t);
  free(t);
  return n;
}

int main(void) {
  size_t n = shout("own libraries");
  fflush(stdout);
  pid_t pid = fork(); // the runtime's fork handlers run
  if (pid == 0) _exit((int)shout("child"));
  int status = 0;
  waitpid(pid, &status, 0);
  printf("%zu %d\n", n, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
