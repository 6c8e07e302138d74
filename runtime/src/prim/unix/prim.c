//===- prim/unix/prim.c - the OS layer for Linux and other Unixes ---------===//
//
// Part of escape.  Implements escape/prim.h with mmap, madvise, clock_gettime
// and raw file descriptors.  errno is read right after each failing call.
// The memory calls return their error and leave errno as they found it: a
// call the runtime expects to fail now and then (mremap growing a block in
// place) must not show through an allocation that then succeeds another
// way (libarchive read a stale ENOMEM after a successful realloc).
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/prim.h"

#include <elf.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

// The page size and the clock come from the auxiliary vector and the
// kernel's vDSO rather than from sysconf and clock_gettime: getauxval sits
// next to mmap in the C library, which the runtime calls anyway, while
// calling the other two makes the kernel map about ten more of the
// library's code pages around them (fault-around), resident memory a small
// program would not otherwise have.

size_t esc__prim_page_size(void) {
  static size_t page;
  if (!page) {
    unsigned long n = getauxval(AT_PAGESZ);
    page = n ? (size_t)n : 4096;
  }
  return page;
}

typedef int (*esc_gettime_fn)(clockid_t, struct timespec *);

// esc_vdso_gettime finds __vdso_clock_gettime in the vDSO's dynamic symbol
// table (DT_HASH gives the number of symbols); NULL when there is no vDSO
// or the symbol is missing, and the C library's clock_gettime serves.
static esc_gettime_fn esc_vdso_gettime(void) {
#if defined(__x86_64__) || defined(__aarch64__)
  uintptr_t base = (uintptr_t)getauxval(AT_SYSINFO_EHDR);
  if (!base) return NULL;
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
  if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64)
    return NULL;
  const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
  uintptr_t bias = 0;
  int loaded = 0;
  const Elf64_Dyn *dyn = NULL;
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    if (ph[i].p_type == PT_LOAD && !loaded) {
      bias = base + ph[i].p_offset - ph[i].p_vaddr;
      loaded = 1;
    } else if (ph[i].p_type == PT_DYNAMIC) {
      dyn = (const Elf64_Dyn *)(base + ph[i].p_offset);
    }
  }
  if (!loaded || !dyn) return NULL;
  const Elf64_Sym *sym = NULL;
  const char *str = NULL;
  const Elf32_Word *hash = NULL;
  for (; dyn->d_tag != DT_NULL; dyn++) {
    if (dyn->d_tag == DT_SYMTAB) sym = (const Elf64_Sym *)(bias + dyn->d_un.d_ptr);
    else if (dyn->d_tag == DT_STRTAB) str = (const char *)(bias + dyn->d_un.d_ptr);
    else if (dyn->d_tag == DT_HASH) hash = (const Elf32_Word *)(bias + dyn->d_un.d_ptr);
  }
  if (!sym || !str || !hash) return NULL;
  for (Elf32_Word i = 0; i < hash[1]; i++) {
    if (ELF64_ST_TYPE(sym[i].st_info) != STT_FUNC || sym[i].st_shndx == SHN_UNDEF) continue;
    if (strcmp(str + sym[i].st_name, "__vdso_clock_gettime") == 0)
      return (esc_gettime_fn)(bias + sym[i].st_value);
  }
#endif
  return NULL;
}

static int esc_clock_gettime(clockid_t id, struct timespec *ts) {
  static esc_gettime_fn fn;
  static int looked;
  if (!__atomic_load_n(&looked, __ATOMIC_ACQUIRE)) {
    __atomic_store_n(&fn, esc_vdso_gettime(), __ATOMIC_RELAXED);
    __atomic_store_n(&looked, 1, __ATOMIC_RELEASE);
  }
  esc_gettime_fn f = __atomic_load_n(&fn, __ATOMIC_RELAXED);
  if (f && f(id, ts) == 0) return 0;
  return clock_gettime(id, ts);
}

// esc_failed returns the error of the call that just failed and puts back
// the errno saved before it.
static int esc_failed(int saved) {
  int err = errno ? errno : ENOMEM;
  errno = saved;
  return err;
}

// A block (esc__prim_map_block) gets the kernel's overcommit check, which
// MAP_NORESERVE would skip under the default heuristic: a block larger than
// the machine can back fails here with ENOMEM, as the C library's malloc
// fails, instead of succeeding and dying when its pages are touched.
static int esc_mmap(void *hint, size_t size, void **out, int block) {
  int saved = errno;
  void *p = mmap(hint, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | (block ? 0 : MAP_NORESERVE), -1, 0);
  if (p == MAP_FAILED) return esc_failed(saved);
  *out = p;
  return 0;
}

int esc__prim_mmap(size_t size, void **out, int block) { return esc_mmap(NULL, size, out, block); }

int esc__prim_map_near(void *hint, size_t size, void **out) { return esc_mmap(hint, size, out, 0); }

int esc__prim_unmap(void *p, size_t size) {
  if (size == 0) return 0;
  int saved = errno;
  return munmap(p, size) == 0 ? 0 : esc_failed(saved);
}

int esc__prim_remap(void *p, size_t old_size, size_t new_size) {
#ifdef MREMAP_MAYMOVE
  int saved = errno;
  void *q = mremap(p, old_size, new_size, 0);
  if (q == MAP_FAILED) return esc_failed(saved);
  return 0;
#else
  (void)p; (void)old_size; (void)new_size;
  return ENOMEM;
#endif
}

int esc__prim_move(void *p, size_t old_size, size_t new_size, void *to) {
#if defined(MREMAP_MAYMOVE) && defined(MREMAP_FIXED)
  int saved = errno;
  void *q = mremap(p, old_size, new_size, MREMAP_MAYMOVE | MREMAP_FIXED, to);
  if (q == MAP_FAILED) return esc_failed(saved);
  return 0;
#else
  (void)p; (void)old_size; (void)new_size; (void)to;
  return ENOTSUP;
#endif
}

int esc__prim_release(void *p, size_t size) {
  if (size == 0) return 0;
  int saved = errno;
  return madvise(p, size, MADV_DONTNEED) == 0 ? 0 : esc_failed(saved);
}

uint64_t esc__prim_clock_ms(void) {
  struct timespec ts;
#ifdef CLOCK_MONOTONIC_COARSE
  esc_clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
#else
  esc_clock_gettime(CLOCK_MONOTONIC, &ts);
#endif
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

// The background thread sleeps with the system call itself where the
// kernel's timespec is the C library's (64-bit Linux): glibc's nanosleep is
// clock_nanosleep, whose code sits among the time-formatting functions, and
// mapping it (the kernel maps 64 KiB of cached file pages around a fault)
// cost a program that starts the thread 20-25 KiB of the C library's pages
// on average.  syscall() lies among mmap and munmap, which the heap calls
// anyway.  The thread is the runtime's own, so nanosleep being a
// cancellation point does not matter.
void esc__prim_sleep_ms(uint32_t ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
#if defined(__linux__) && defined(SYS_nanosleep) && __SIZEOF_LONG__ == 8
  while (syscall(SYS_nanosleep, &ts, &ts) != 0 && errno == EINTR) {
  }
#else
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
#endif
}

void esc__prim_yield(void) { sched_yield(); }

#if defined(__linux__)
#include <linux/futex.h>
void esc__prim_wait(int *word, int val) {
  syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}
void esc__prim_wake(int *word) {
  syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}
#else
void esc__prim_wait(int *word, int val) {
  (void)word, (void)val;
  sched_yield();
}
void esc__prim_wake(int *word) { (void)word; }
#endif

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
  // Every signal blocked: the program's signals must reach its own threads.
  // A signal the program blocks to take it with sigwait() went to this
  // thread instead, whose default action ended the process.
  sigset_t all;
  sigfillset(&all);
  err = pthread_attr_setsigmask_np(&attr, &all);
  if (!err) err = pthread_create(&t, &attr, fun, arg);
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

#if defined(__GLIBC__)
// pthread_atfork is glibc's __register_atfork with the caller's
// __dso_handle (so that a dlclose removes a library's handlers), which
// crtbegin defines.  Called directly, with __dso_handle weak, a program
// linked without the usual start files (-nostartfiles with crt1.o, crti.o
// and crtn.o named) still links, as it does without the runtime.
extern int __register_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void),
                             void *dso_handle);
extern void *__dso_handle __attribute__((weak, visibility("hidden")));

int esc__prim_atfork(void (*prepare)(void), void (*parent)(void),
                     void (*child)(void)) {
  return __register_atfork(prepare, parent, child, &__dso_handle ? __dso_handle : NULL);
}
#else
int esc__prim_atfork(void (*prepare)(void), void (*parent)(void),
                     void (*child)(void)) {
  return pthread_atfork(prepare, parent, child);
}
#endif

#if defined(__GLIBC__)
// Set by the dynamic loader, on the main stack.  Weak: it is the loader's,
// which a link that names its libraries itself (-nodefaultlibs -lc) does
// not search; then the main thread's stack is read as other threads' are.
extern void *__libc_stack_end __attribute__((weak));

// esc_main_stack finds the main thread's stack as the C library does: the
// mapping that holds the process's first stack frame (sp) ends it, and it reaches down by the
// stack limit, but never below the end of the mapping under it.  The map is
// read a block at a time by a small parser, with no stdio stream (whose
// buffer and code would stay resident in a small program), and the system
// calls go through syscall(2) and prlimit, which lie next to mmap in the C
// library: open, read and getrlimit would fault in pages of their own.
static int esc_main_stack(uintptr_t sp, uintptr_t *lo, size_t *size) {
  int fd = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  char buf[1024];
  uintptr_t from = 0, to = 0, prev_to = 0;
  int field = 0; // 0: reading from, 1: reading to, 2: skipping to the newline
  int found = 0;
  for (;;) {
    ssize_t n = (ssize_t)syscall(SYS_read, fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t i = 0; i < n && !found; i++) {
      char c = buf[i];
      if (c == '\n') {
        field = 0;
        from = to = 0;
        continue;
      }
      if (field == 2) continue;
      unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                 : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 16u;
      if (d < 16) {
        if (field == 0) from = from << 4 | d;
        else to = to << 4 | d;
      } else if (field == 0 && c == '-') {
        field = 1;
      } else {
        field = 2;
        if (from <= sp && sp < to) found = 1;
        else prev_to = to;
      }
    }
    if (found) break;
  }
  syscall(SYS_close, fd);
  if (!found) return ENOENT;
  struct rlimit rl;
  uintptr_t bottom = prev_to;
  if (prlimit(0, RLIMIT_STACK, NULL, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
      rl.rlim_cur < to && to - rl.rlim_cur > bottom)
    bottom = to - rl.rlim_cur;
  *lo = bottom;
  *size = to - bottom;
  return 0;
}

#endif

size_t esc__prim_address_limit(void) {
  struct rlimit rl;
  if (prlimit(0, RLIMIT_AS, NULL, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return 0;
  return rl.rlim_cur > SIZE_MAX ? 0 : (size_t)rl.rlim_cur;
}

int esc__prim_thread_stack(uintptr_t *lo, size_t *size) {
#if defined(__GLIBC__)
  // Not the caller's stack pointer: the caller may be running on another
  // stack (a coroutine), which must not be taken for the thread's own.
  if (&__libc_stack_end && __libc_stack_end && syscall(SYS_getpid) == gettid())
    return esc_main_stack((uintptr_t)__libc_stack_end, lo, size);
#endif
  pthread_attr_t attr;
  void *addr = NULL;
  size_t n = 0;
  int err = pthread_getattr_np(pthread_self(), &attr);
  if (err) return err;
  err = pthread_attr_getstack(&attr, &addr, &n);
  pthread_attr_destroy(&attr);
  if (err) return err;
  *lo = (uintptr_t)addr;
  *size = n;
  return 0;
}

int esc__prim_backtrace(void **pcs, int cap, int *n) {
  int got = backtrace(pcs, cap);
  if (got <= 0) return ENOSYS;
  *n = got;
  return 0;
}
