/* Declarations of the C library functions the lit tests use, so that no
   test depends on the system's headers. */
#ifndef ESCAPE_TEST_ALLOC_H
#define ESCAPE_TEST_ALLOC_H
/* The C library's functions are the library's when a system header
   declares them (a function of a POSIX name the program declares itself
   may be its own): this header stands for those. */
#pragma clang system_header

typedef __SIZE_TYPE__ size_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef struct FILE FILE;
typedef long jmp_buf[25];
typedef __builtin_va_list va_list;
#define NULL ((void *)0)

void *malloc(size_t);
void *calloc(size_t, size_t);
void *realloc(void *, size_t);
void *aligned_alloc(size_t, size_t);
int posix_memalign(void **, size_t, size_t);
char *strdup(const char *);
char *strndup(const char *, size_t);
void free(void *);
size_t malloc_usable_size(void *);

void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
size_t strlen(const char *);
char *strcpy(char *, const char *);
char *strcat(char *, const char *);
int strcmp(const char *, const char *);
char *strchr(const char *, int);
char *strstr(const char *, const char *);
char *strtok(char *, const char *);
long strtol(const char *, char **, int);
void qsort(void *, size_t, size_t, int (*)(const void *, const void *));

int printf(const char *, ...);
int sprintf(char *, const char *, ...);
int snprintf(char *, size_t, const char *, ...);
int puts(const char *);
int asprintf(char **, const char *, ...);
int vasprintf(char **, const char *, va_list);
long getline(char **, size_t *, FILE *);
int setvbuf(FILE *, char *, int, size_t);
extern FILE *stdin;

int setjmp(jmp_buf);
void longjmp(jmp_buf, int);
void *alloca(size_t);

typedef unsigned long pthread_t;
int pthread_create(pthread_t *, const void *, void *(*)(void *), void *);

/* A function the analysis cannot see into. */
void opaque(void *);
void *opaque_result(void);

#endif
