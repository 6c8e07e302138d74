//===- escape/prim.h - the OS contract of the runtime ------------*- C -*-===//
//
// Part of escape.  Everything the runtime asks of the operating system goes
// through these functions, implemented once per OS under src/prim/<os>/.
// Each returns 0 on success or an errno value, passes results through
// out-parameters and leaves them untouched on failure.  None of them
// allocates with malloc, so they are safe during initialisation.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PRIM_H
#define ESCAPE_PRIM_H

#include <stddef.h>
#include <stdint.h>

// esc__prim_page_size: the OS page size (a power of two).
size_t esc__prim_page_size(void);

// esc__prim_map reserves and commits `size` bytes of zeroed read/write
// memory; esc__prim_map_block does the same for memory handed whole to the
// program (a huge block), which the OS may refuse when it could not back it
// (Linux's overcommit check), where esc__prim_map only reserves address
// space.  Both through esc__prim_mmap.  pre: size is a multiple of the OS
// page size.
int esc__prim_mmap(size_t size, void **out, int block);
static inline int esc__prim_map(size_t size, void **out) { return esc__prim_mmap(size, out, 0); }
static inline int esc__prim_map_block(size_t size, void **out) {
  return esc__prim_mmap(size, out, 1);
}

// esc__prim_map_near is esc__prim_map at `hint` when the range there is
// free, elsewhere when it is not (the caller checks where it went).
int esc__prim_map_near(void *hint, size_t size, void **out);

// esc__prim_unmap returns [p, p+size) to the OS.  pre: p and size are
// multiples of the OS page size and came from esc__prim_map (possibly a part).
int esc__prim_unmap(void *p, size_t size);

// esc__prim_remap grows or shrinks a mapping in place, never moving it.
// Returns ENOMEM when the pages after it are taken.
int esc__prim_remap(void *p, size_t old_size, size_t new_size);

// esc__prim_move moves the mapping [p, p+old_size) to `to`, resized to
// new_size, without copying its pages (the page tables move).  `to` must be
// the start of a range of at least new_size bytes the caller mapped with
// esc__prim_map; the move replaces it.  ENOTSUP where the OS cannot.
int esc__prim_move(void *p, size_t old_size, size_t new_size, void *to);

// esc__prim_release tells the OS the pages' contents are not needed: they
// stop counting as resident and read as zero when touched again.
// pre: p and size are multiples of the OS page size.
int esc__prim_release(void *p, size_t size);

// esc__prim_clock_ms: a monotonic clock in milliseconds.
uint64_t esc__prim_clock_ms(void);

// esc__prim_sleep_ms sleeps the calling thread.
void esc__prim_sleep_ms(uint32_t ms);

// esc__prim_yield gives the processor to another thread.
void esc__prim_yield(void);

// esc__prim_wait sleeps the calling thread while *word equals val (it may
// also return early: callers check again); esc__prim_wake wakes one thread
// sleeping on word.  The runtime's locks sleep on their word when spinning
// did not get them.  Where the OS has no such call, wait yields the
// processor and wake does nothing.
void esc__prim_wait(int *word, int val);
void esc__prim_wake(int *word);

// esc__prim_getenv finds NAME in the environment without allocating and
// copies its value (NUL-terminated, truncated to cap) into buf.  Returns 0,
// ENOENT when NAME is unset, or EAGAIN when the environment is not ready yet.
int esc__prim_getenv(const char *name, char *buf, size_t cap);

// esc__prim_write writes all of buf to the file descriptor fd.
int esc__prim_write(int fd, const char *buf, size_t len);

// esc__prim_open_write creates or truncates path for writing; *fd on success.
int esc__prim_open_write(const char *path, int *fd);

// esc__prim_copy_file appends the contents of the file at path to fd
// (used for /proc/self/maps in heap profiles).
int esc__prim_copy_file(const char *path, int fd);

// esc__prim_close closes fd.
int esc__prim_close(int fd);

// esc__prim_thread_start runs fun(arg) on a new detached thread.
int esc__prim_thread_start(void *(*fun)(void *), void *arg);

// esc__prim_thread_key_create registers the thread-exit callback `done`,
// called for each thread that stored a non-NULL value with
// esc__prim_thread_key_set.
int esc__prim_thread_key_create(void (*done)(void *));
int esc__prim_thread_key_set(void *value);

// esc__prim_atfork registers the three fork handlers.
int esc__prim_atfork(void (*prepare)(void), void (*parent)(void),
                     void (*child)(void));

// esc__prim_address_limit: the process's address-space limit in bytes
// (RLIMIT_AS), 0 when it has none.
size_t esc__prim_address_limit(void);

// esc__prim_thread_stack finds the calling thread's stack: [*lo, *lo +
// *size).  For the main thread it reads the memory map itself rather than
// asking the C library, whose answer costs a stdio stream and its buffer.
int esc__prim_thread_stack(uintptr_t *lo, size_t *size);

// esc__prim_backtrace stores up to cap return addresses of the calling
// thread's stack, innermost (the caller's own) first, and their number in
// *n.  The unwinder is loaded on first use, which may allocate, so callers
// must tolerate re-entry; nothing is linked in for it until then.
int esc__prim_backtrace(void **pcs, int cap, int *n);

#endif // ESCAPE_PRIM_H
