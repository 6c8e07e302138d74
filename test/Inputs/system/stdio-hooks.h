/* A stand-in for <stdio.h> as a system header: the stdio functions, and
   glibc's hooks that let the C library run the program's own code. */
#ifndef ESCAPE_TEST_STDIO_HOOKS_H
#define ESCAPE_TEST_STDIO_HOOKS_H
typedef long ssize_t;
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int fflush(FILE *f);
int fprintf(FILE *f, const char *fmt, ...);
typedef ssize_t cookie_write_function_t(void *cookie, const char *buf, size_t n);
typedef struct {
  void *read;
  cookie_write_function_t *write;
  void *seek;
  void *close;
} cookie_io_functions_t;
FILE *fopencookie(void *cookie, const char *mode, cookie_io_functions_t io);
int register_printf_specifier(int spec, void *print, void *arginfo);
int raise(int sig);
int pthread_kill(unsigned long t, int sig);
int sigprocmask(int how, const void *set, void *old);
int fork(void);
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));
void *dlopen(const char *file, int mode);
#endif
