//===- escape.h - the escape runtime's public interface ---------*- C -*-===//
//
// Part of escape.  The only installed header of the runtime: a tiered
// allocator (thread cache -> central lists -> page heap -> OS), object pools,
// statistics and a sampling heap profile.  Every function here works whether
// or not the program also overrides malloc with the runtime.
//
// Allocating functions return NULL and set errno (ENOMEM, EINVAL) on
// failure; functions returning int return 0 or an errno value and leave
// their out-parameters untouched on failure.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ESC_EXPORT __attribute__((visibility("default")))
#define ESC_MALLOC_ATTR __attribute__((malloc))
#else
#define ESC_EXPORT
#define ESC_MALLOC_ATTR
#endif

// --- Standard allocation interface
// Same contracts as the C library functions of the same name without the
// `esc_` prefix.  esc_realloc(p, 0) frees p and returns NULL, as glibc does;
// esc_realloc(NULL, n) is esc_malloc(n).

ESC_EXPORT ESC_MALLOC_ATTR void *esc_malloc(size_t size);
ESC_EXPORT void esc_free(void *p);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_calloc(size_t count, size_t size);
ESC_EXPORT void *esc_realloc(void *p, size_t size);
ESC_EXPORT void *esc_reallocarray(void *p, size_t count, size_t size);
// esc_usable_size reports how many bytes the block at p can hold (>= the
// requested size); 0 for NULL.
ESC_EXPORT size_t esc_usable_size(const void *p);

// --- Aligned allocation
// `alignment` must be a power of two (esc_aligned_alloc, esc_memalign and
// esc_posix_memalign also require it; posix_memalign also a multiple of
// sizeof(void *)).  Alignments up to any power of two are served.

ESC_EXPORT ESC_MALLOC_ATTR void *esc_aligned_alloc(size_t alignment, size_t size);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_memalign(size_t alignment, size_t size);
// esc_posix_memalign returns 0 and sets *out, or EINVAL / ENOMEM and leaves
// *out untouched.
ESC_EXPORT int esc_posix_memalign(void **out, size_t alignment, size_t size);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_valloc(size_t size);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_pvalloc(size_t size);

// --- Object pools
// A pool hands out objects of one size and takes them back for reuse, like
// Go's sync.Pool: esc_pool_get returns a previously put object when one is
// cached (its contents are whatever the last user left) or a new one.  Each
// thread keeps its own small cache of a pool's objects, so get/put take no
// lock in the common case.  A pool's objects are ordinary heap blocks: one
// may also be released with esc_free.  esc_pool_destroy frees the objects the
// pool holds; objects still out remain valid heap blocks.

typedef struct esc_pool_s esc_pool_t;

ESC_EXPORT esc_pool_t *esc_pool_create(size_t object_size);
ESC_EXPORT void *esc_pool_get(esc_pool_t *pool);
ESC_EXPORT void esc_pool_put(esc_pool_t *pool, void *object);
ESC_EXPORT void esc_pool_destroy(esc_pool_t *pool);

// --- Memory release and threads
// esc_collect returns this thread's cached objects to the central lists and
// hands every free page back to the OS now, without waiting for the release
// delay.  esc_thread_done does what thread exit does: it flushes the calling
// thread's cache (the thread may keep allocating afterwards).

ESC_EXPORT void esc_collect(void);
ESC_EXPORT void esc_thread_done(void);

// --- Statistics and heap profile

typedef struct esc_stats_s {
  uint64_t mapped_bytes;      // address space reserved from the OS now
  uint64_t committed_bytes;   // of it, pages that may be resident now
  uint64_t committed_peak;    // the largest committed_bytes seen
  uint64_t released_bytes;    // bytes handed back with madvise, in total
  uint64_t huge_allocs;       // allocations served straight by mmap
  uint64_t huge_bytes;        // bytes in live mmap allocations now
  uint64_t spans_allocated;   // spans taken from the page heap, in total
  uint64_t central_refills;   // batches moved central -> thread caches
  uint64_t central_flushes;   // batches moved thread caches -> central
  uint64_t segments;          // page heap segments mapped now
} esc_stats_t;

// esc_stats_get fills *out with a snapshot; returns 0 or EINVAL (out NULL).
ESC_EXPORT int esc_stats_get(esc_stats_t *out);
// esc_stats_print writes a human-readable summary to the file descriptor fd
// (ESCAPE_RT_STATS=1 does this to stderr at exit).  Returns 0 or an errno.
ESC_EXPORT int esc_stats_print(int fd);
// esc_stats_print_classes writes, for each size class with spans, the
// spans, their pages, the objects carved from them and those out of them
// (live, or held by thread caches and transfer slots), and the large
// blocks' spans and pages (ESCAPE_RT_STATS=2 does this at exit after the
// summary).  What a size class costs in resident memory beyond its live
// objects is there: pages carved but free, and objects held for reuse.
// Returns 0 or an errno.
ESC_EXPORT int esc_stats_print_classes(int fd);
// esc_profile_write writes the sampled heap profile (ESCAPE_RT_PROFILE_RATE)
// to path in the legacy text format `google-pprof` reads.  Returns 0, EINVAL
// when profiling is off, or the errno of the failed file operation.
ESC_EXPORT int esc_profile_write(const char *path);

// --- Errors
// The runtime never ends the process on purpose.  When it meets an error it
// cannot report through a return value, it prints a message to stderr, calls
// the registered handler, if any, and goes on without the faulty operation.
// It detects a free of a block up to 32 KiB freed just before (the same
// block twice in a row), of a block of 32 KiB - 1 MiB already freed, and of
// an address in a page of its heap that holds no block.  Anything else, as
// with every malloc, is undefined: a pointer it never returned, one into the
// middle of a block, or a block above 1 MiB freed twice (its memory is
// unmapped) may corrupt the heap or crash the process.

typedef void esc_error_fun(int err, void *arg);
ESC_EXPORT void esc_register_error(esc_error_fun *fun, void *arg);

// --- Frame arena
// Storage for allocations the compiler proved never outlive their function
// (heap-to-arena promotion); also usable by hand.  Each thread has its own
// LIFO arena.  esc_frame_enter returns a mark; esc_frame_leave(m) releases
// every arena object allocated after m, including those of inner frames a
// longjmp skipped.  The allocation functions have the contracts of malloc,
// calloc, aligned_alloc, strdup, strndup and realloc; objects are 16-byte
// aligned.  Requests above ESCAPE_RT_ARENA_CAP (default 1 MiB) or that the
// arena cannot serve are passed to the C library function of the same name,
// so they fail (NULL, errno) exactly as it would.  esc_frame_free(p) accepts
// any pointer free() accepts: NULL is ignored, an object of this thread's
// arena is released (popped at once when it is on top, else when everything
// above it is gone), any other pointer is passed to free().  Arena objects
// must not be freed by another thread.

// A mark is never 0; a failed enter (no memory) returns a mark whose leave
// releases nothing, and esc_frame_leave(0) does nothing either.
typedef uintptr_t esc_frame_mark_t;  // opaque

ESC_EXPORT esc_frame_mark_t esc_frame_enter(void);
ESC_EXPORT void esc_frame_leave(esc_frame_mark_t mark);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_frame_alloc(size_t size);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_frame_calloc(size_t count, size_t size);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_frame_aligned_alloc(size_t alignment, size_t size);
// esc_frame_posix_memalign is posix_memalign with an arena block: EINVAL
// (and *out untouched) for an alignment that is not a power of two multiple
// of sizeof(void *), else 0 and the block in *out (from the C library's
// posix_memalign when the arena cannot serve it, with its result).
ESC_EXPORT int esc_frame_posix_memalign(void **out, size_t alignment, size_t size);
ESC_EXPORT ESC_MALLOC_ATTR char *esc_frame_strdup(const char *s);
ESC_EXPORT ESC_MALLOC_ATTR char *esc_frame_strndup(const char *s, size_t n);
// esc_frame_asprintf and esc_frame_vasprintf are asprintf and vasprintf
// with an arena block (a heap block when the arena cannot serve it):
// the length printed and the block in *out, or -1 with errno set and *out
// untouched.
ESC_EXPORT int esc_frame_asprintf(char **out, const char *format, ...);
ESC_EXPORT int esc_frame_vasprintf(char **out, const char *format, va_list ap);
// The forms of those four that name a stack slot the compiler may use
// instead (it tests the size and calls these only when the slot is too
// small): the slot is neither read nor kept; each is its plain form.
ESC_EXPORT ESC_MALLOC_ATTR void *esc_frame_alloc_small(size_t size, void *slot);
ESC_EXPORT ESC_MALLOC_ATTR void *esc_frame_calloc_small(size_t count, size_t size, void *slot);
ESC_EXPORT ESC_MALLOC_ATTR char *esc_frame_strdup_small(const char *s, void *slot);
ESC_EXPORT ESC_MALLOC_ATTR char *esc_frame_strndup_small(const char *s, size_t n, void *slot);
// esc_frame_realloc resizes an arena object in place when it is on top,
// else moves it to the top, that is into the innermost frame: call it in
// the frame that allocated p.  A pointer not in the arena is passed to
// realloc().
// esc_frame_realloc(p, 0) frees p and returns NULL, as glibc's realloc does.
ESC_EXPORT void *esc_frame_realloc(void *p, size_t size);
// esc_frame_realloc_heap is realloc for a pointer that may be frame-arena
// memory of this thread: such an object is copied into a new heap block and
// released from its frame; any other pointer goes to realloc.  The result is
// heap memory (or NULL, the block intact, when out of memory; size 0 frees
// the block and returns NULL, as glibc's realloc does).  The compiler calls
// it for realloc() calls that may receive a promoted object.
ESC_EXPORT void *esc_frame_realloc_heap(void *p, size_t size);
// esc_frame_realloc_array is esc_frame_realloc under a name of its own, for
// reallocarray() calls (the compiler passes the checked product, or SIZE_MAX
// when it overflows): the optimizer treats realloc calls as allocations but
// knows nothing of reallocarray, and must treat the new call the same way.
ESC_EXPORT void *esc_frame_realloc_array(void *p, size_t size);
ESC_EXPORT void esc_frame_free(void *p);
// Fused forms the compiler emits where the two calls are adjacent:
// esc_frame_enter_alloc(n) is { p = esc_frame_alloc(n) after m =
// esc_frame_enter() } in one call (p's header doubles as the frame record);
// esc_frame_free_leave(p, m) is esc_frame_free(p) then esc_frame_leave(m);
// esc_frame_free_leave_pair(p) is the same for {p, m} = the pair of an
// esc_frame_enter_alloc, found from p alone (p must be that call's
// non-NULL object, or NULL).  A pair is {NULL, mark} only when the request
// fails as malloc would, and then nothing needs leaving.
typedef struct esc_frame_pair_s {
  void *ptr;
  esc_frame_mark_t mark;
} esc_frame_pair_t;
ESC_EXPORT esc_frame_pair_t esc_frame_enter_alloc(size_t size);
ESC_EXPORT void esc_frame_free_leave(void *p, esc_frame_mark_t mark);
ESC_EXPORT void esc_frame_free_leave_pair(void *p);
// esc_frame_jmp_save and esc_frame_jmp_restore bracket a setjmp call in
// a function with no frame of its own: t = esc_frame_jmp_save() before it,
// esc_frame_jmp_restore(t) after each of its returns, which releases the
// objects of the frames a longjmp back skipped.  The compiler emits them.
ESC_EXPORT esc_frame_mark_t esc_frame_jmp_save(void);
ESC_EXPORT void esc_frame_jmp_restore(esc_frame_mark_t saved);
// esc_frame_bytes_in_use reports the bytes this thread's arena holds now
// (objects, headers and frame records); esc_frame_bytes_reserved the bytes
// of its chunks, the kept spare included.
ESC_EXPORT size_t esc_frame_bytes_in_use(void);
ESC_EXPORT size_t esc_frame_bytes_reserved(void);

#ifdef __cplusplus
}
#endif

#endif // ESCAPE_H
