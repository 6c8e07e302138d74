/* The C library functions the rewriter tests call, without system headers.
   It stands for them: its functions are the library's. */
#pragma clang system_header
typedef __SIZE_TYPE__ size_t;
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void *aligned_alloc(size_t alignment, size_t size);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
void free(void *ptr);
int printf(const char *fmt, ...);
void *memset(void *s, int c, size_t n);
size_t strlen(const char *s);
int posix_memalign(void **out, size_t alignment, size_t size);
void *reallocarray(void *ptr, size_t count, size_t size);
int *__errno_location(void);
