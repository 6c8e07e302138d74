// RUN: %escape -fsyntax-only -Xclang -verify=plain -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs -isystem %inputs/system %s
// RUN: %escape -fsyntax-only -Xclang -verify=hooks -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs -isystem %inputs/system -DHOOKS %s
// The C library runs the program's own code from some calls: a signal
// sent or unblocked (raise, pthread_kill, sigprocmask) runs its handler
// before the call returns; in a file that makes streams of its own
// (fopencookie), any stdio call may run a stream's write function; in one
// that registers printf conversions, any printf-family call may run a
// handler; fork() runs pthread_atfork's handlers, and dlopen() and
// dlclose() a library's constructors and destructors.  A function reached
// from such code (a handler, whose address is
// taken) that makes such a call may recurse unseen: its blocks go to the
// frame arena, never the stack.  (A function holding a 1000-byte block
// that raised a signal whose handler called it again overflowed a 64 KiB
// signal stack 14 levels down, where plain code ran 18.)
#include "alloc.h"

#include <stdio-hooks.h>

static int left;
FILE *out;

static void by_signal(void) {
  char *p = malloc(64); // plain-remark {{allocation does not escape; would move to the frame arena}} hooks-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 1;
  if (left-- > 0)
    raise(10);
  free(p);
}
static void by_thread_signal(void) {
  char *p = malloc(64); // plain-remark {{allocation does not escape; would move to the frame arena}} hooks-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 1;
  pthread_kill(0, 10);
  sigprocmask(1, 0, 0);
  free(p);
}
// fork() runs pthread_atfork's handlers, dlopen() a library's
// constructors, which may call the program back.
static void by_fork(void) {
  char *p = malloc(64); // plain-remark {{allocation does not escape; would move to the frame arena}} hooks-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 1;
  if (fork() == 0)
    dlopen("libplugin.so", 2);
  free(p);
}
void on_signal(int sig) {
  (void)sig;
  by_signal();
  by_thread_signal();
  by_fork();
}
void (*installed)(int) = on_signal;

// A stream flushed; stream hooks only exist with -DHOOKS.
static void by_stream(void) {
  char *p = malloc(64); // plain-remark {{allocation does not escape; would move to the stack}} hooks-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 'x';
  fflush(out);
  left += p[0];
  free(p);
}
static ssize_t write_hook(void *cookie, const char *buf, size_t n) {
  (void)cookie;
  (void)buf;
  by_stream();
  return (ssize_t)n;
}
static void by_printf(void) {
  char *p = malloc(64); // plain-remark {{allocation does not escape; would move to the stack}} hooks-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 'x';
  fprintf(out, "%c", p[0]);
  free(p);
}
static int print_hook(void) {
  by_printf();
  return 0;
}
void *hooks[] = {(void *)write_hook, (void *)print_hook};

#ifdef HOOKS
void install(void) {
  cookie_io_functions_t io = {0, write_hook, 0, 0};
  out = fopencookie(0, "w", io);
  register_printf_specifier('Y', (void *)print_hook, 0);
}
#endif

// Not reached from any code the library may run: the stack, with or
// without hooks.
int main(void) {
  char *p = malloc(64); // plain-remark {{allocation does not escape; would move to the stack}} hooks-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  raise(10);
  int r = p[0];
  free(p);
  return r;
}
