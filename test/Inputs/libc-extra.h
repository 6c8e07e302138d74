/* More of the C library's declarations, for the tests of its table: a
   system header declares them, so calls run the library's functions (a
   function of a POSIX name the program declares itself may be its own:
   test/analysis/library-name-own-function.c). */
#ifndef ESCAPE_TEST_LIBC_EXTRA_H
#define ESCAPE_TEST_LIBC_EXTRA_H
#pragma clang system_header
#include "alloc.h"

void *reallocarray(void *, size_t, size_t);
char *stpcpy(char *, const char *);
char *strncpy(char *, const char *, size_t);
int putenv(char *);
void qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);
long write(int, const void *, size_t);
size_t fwrite(const void *, size_t, size_t, FILE *);
int fputs(const char *, FILE *);
void exit(int);
void perror(const char *);
int pthread_join(pthread_t, void **);
typedef unsigned pthread_key_t;
int pthread_setspecific(pthread_key_t, const void *);
struct timespec { long tv_sec, tv_nsec; };
int nanosleep(const struct timespec *, struct timespec *);
int pipe(int *);
int fnmatch(const char *, const char *, int);
FILE *fopen(const char *, const char *) __attribute__((malloc));
FILE *popen(const char *, const char *) __attribute__((malloc));
int fclose(FILE *);
typedef struct DIR DIR;
DIR *opendir(const char *) __attribute__((malloc));
int closedir(DIR *);
int pclose(FILE *);
int gethostname(char *, size_t);
int inet_pton(int, const char *, void *);
const char *inet_ntop(int, const void *, char *, unsigned);
char *dirname(char *);
char *basename(char *);
int setenv(const char *, const char *, int);
struct tm;
size_t strftime(char *, size_t, const char *, const struct tm *);
int *__errno_location(void);

#endif
