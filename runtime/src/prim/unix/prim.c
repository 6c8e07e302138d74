//===- prim/unix/prim.c - the OS layer for Linux and other Unixes ---------===//
//
// Part of escape.  Implements escape/prim.h with mmap, madvise, clock_gettime
// and raw file descriptors.  errno is read right after each failing call.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/prim.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

size_t esc__prim_page_size(void) {
  static size_t page;
  if (!page) {
    long n = sysconf(_SC_PAGESIZE);
    page = n > 0 ? (size_t)n : 4096;
  }
  return page;
}

int esc__prim_map(size_t size, void **out) {
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return errno ? errno : ENOMEM;
  *out = p;
  return 0;
}

int esc__prim_unmap(void *p, size_t size) {
  if (size == 0) return 0;
  return munmap(p, size) == 0 ? 0 : errno;
}

int esc__prim_remap(void *p, size_t old_size, size_t new_size) {
#ifdef MREMAP_MAYMOVE
  void *q = mremap(p, old_size, new_size, 0);
  if (q == MAP_FAILED) return errno ? errno : ENOMEM;
  return 0;
#else
  (void)p; (void)old_size; (void)new_size;
  return ENOMEM;
#endif
}

int esc__prim_move(void *p, size_t old_size, size_t new_size, void *to) {
#if defined(MREMAP_MAYMOVE) && defined(MREMAP_FIXED)
  void *q = mremap(p, old_size, new_size, MREMAP_MAYMOVE | MREMAP_FIXED, to);
  if (q == MAP_FAILED) return errno ? errno : ENOMEM;
  return 0;
#else
  (void)p; (void)old_size; (void)new_size; (void)to;
  return ENOTSUP;
#endif
}

int esc__prim_release(void *p, size_t size) {
  if (size == 0) return 0;
  return madvise(p, size, MADV_DONTNEED) == 0 ? 0 : errno;
}

uint64_t esc__prim_clock_ms(void) {
  struct timespec ts;
#ifdef CLOCK_MONOTONIC_COARSE
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
#else
  clock_gettime(CLOCK_MONOTONIC, &ts);
#endif
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void esc__prim_sleep_ms(uint32_t ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

void esc__prim_yield(void) { sched_yield(); }

int esc__prim_getenv(const char *name, char *buf, size_t cap) {
  char **env = environ;
  if (!env) return EAGAIN;
  size_t len = strlen(name);
  for (; *env; env++) {
    if (strncmp(*env, name, len) != 0 || (*env)[len] != '=') continue;
    const char *v = *env + len + 1;
    size_t n = strlen(v);
    if (cap == 0) return ENOSPC;
    if (n >= cap) n = cap - 1;
    memcpy(buf, v, n);
    buf[n] = 0;
    return 0;
  }
  return ENOENT;
}

int esc__prim_write(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

int esc__prim_open_write(const char *path, int *fd) {
  int f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (f < 0) return errno;
  *fd = f;
  return 0;
}

int esc__prim_copy_file(const char *path, int fd) {
  int in = open(path, O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno;
  char buf[4096];
  int err = 0;
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) { err = errno; break; }
    if (n == 0) break;
    if ((err = esc__prim_write(fd, buf, (size_t)n)) != 0) break;
  }
  close(in);
  return err;
}

int esc__prim_close(int fd) { return close(fd) == 0 ? 0 : errno; }

int esc__prim_thread_start(void *(*fun)(void *), void *arg) {
  pthread_attr_t attr;
  pthread_t t;
  int err = pthread_attr_init(&attr);
  if (err) return err;
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  err = pthread_create(&t, &attr, fun, arg);
  pthread_attr_destroy(&attr);
  return err;
}

static pthread_key_t esc_prim_key;

int esc__prim_thread_key_create(void (*done)(void *)) {
  return pthread_key_create(&esc_prim_key, done);
}

int esc__prim_thread_key_set(void *value) {
  return pthread_setspecific(esc_prim_key, value);
}

int esc__prim_atfork(void (*prepare)(void), void (*parent)(void),
                     void (*child)(void)) {
  return pthread_atfork(prepare, parent, child);
}

int esc__prim_backtrace(void **pcs, int cap, int *n) {
  int got = backtrace(pcs, cap);
  if (got <= 0) return ENOSYS;
  *n = got;
  return 0;
}
