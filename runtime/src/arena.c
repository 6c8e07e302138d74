//===- arena.c - the frame arena --------------------------------------------===//
//
// Part of escape.  The frame arena is the runtime half of heap-to-arena
// promotion: storage for allocations the compiler proved never outlive the
// function that made them but could not put on the stack (dynamic sizes,
// sizes above the stack limit, recursive functions, objects live across loop
// iterations).
//
// What the compiler emits.  A function with promoted sites becomes
//
//     esc_frame_mark_t m = esc_frame_enter();   // at entry
//     p = esc_frame_alloc(n);                   // was malloc(n)
//     esc_frame_free(p);                        // was free(p); any pointer
//     esc_frame_leave(m);                       // before every return
//
// plus calloc, aligned_alloc, posix_memalign, strdup, strndup and realloc
// forms.
//
// Model.  Each thread owns one arena: a stack of chunks taken from the
// runtime allocator, and inside them a stack of 16-byte headers, each linked
// to the one below it.  A header is either an object (payload follows, its
// size is a multiple of 16, flag LIVE while it is allocated) or a frame
// record (no payload, flag RECORD) pushed by esc_frame_enter.  A mark is the
// address of its frame record.  A header that had to start a new chunk also
// has flag FIRST, so the fast paths can tell from the header alone that the
// one below it is in the same chunk.
//
// Invariants.
//   1. LIFO: only the top header moves; a chunk below the newest one is
//      frozen (and goes whole once every object in it has died:
//      esc_frame_reclaim).  The top header always lies in the newest chunk
//      (a chunk that becomes empty is dropped), so the arena's size is a
//      function of the live headers alone.
//   2. Nothing dead is on top: after every free and leave, dead objects on
//      top are popped, down to the first live object or frame record.  So a
//      malloc/free pair per loop iteration, freed in any order, returns the
//      arena to where it was and costs no growth.  Popping stops at frame
//      records: a callee that frees its caller's object leaves it for the
//      caller's frame to pop, never moving the top below its own record.
//   3. Leaving mark m pops everything above m's record, whatever it holds.
//      A longjmp that skipped inner leaves is thus repaired by the next
//      leave of any outer mark; a mark no longer in the arena (already
//      released) is ignored, so a leave never moves the top upwards.
//
// Fallbacks.  Requests above the cap (ESCAPE_RT_ARENA_CAP, default 1 MiB),
// alignments above ESC_FRAME_MAX_ALIGN or not a power of two, and arena
// growth failures go to the C library's malloc family (as do requests that
// need a new chunk while the arena is mostly dead objects under a live top:
// esc_frame_mostly_dead), so huge sizes still
// return NULL with errno set exactly as the original call would.  Hence
// esc_frame_free(p) decides by address: p inside one of this thread's chunks
// is an arena object, anything else goes to free().  If esc_frame_enter
// cannot get memory it returns ESC_FRAME_NO_MARK (never 0: the compiler
// tests marks against 0 to tell whether a lazily entered frame was
// entered), whose leave releases nothing: objects of that frame stay until
// an outer frame leaves, which is no worse than the heap allocations they
// replaced.
//
// Chunks.  A new chunk is at least 64 KiB and doubles with the number of
// chunks (up to 4 MiB), or is as large as one request needs.  One emptied
// chunk of up to 128 KiB is kept as a spare so a loop that crosses a chunk
// boundary does not go to the allocator each iteration; other emptied
// chunks are returned at once.  When the arena empties, chunks larger than the first size go back
// too (esc_frame_trim_empty).  Thread exit returns all chunks.
//
// Worked example (addresses are offsets in one chunk, H = 16-byte header):
//
//     m1 = enter()        [0 H rec]                              top=0
//     p  = alloc(20)      [16 H p:32..63]                        top=16
//     m2 = enter()        [64 H rec]                             top=64
//     q  = alloc(8)       [80 H q:96..111]                       top=80
//     free(p)             p dead; top is q (live): nothing popped
//     leave(m2)           top=16 (p, dead) -> popped -> top=0 (record m1)
//     leave(m1)           top=NULL, arena empty
//
// Objects from another thread's arena must not reach esc_frame_free: the
// compiler only promotes objects that never leave their function, so none
// reaches another thread.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "escape/prim.h"
#include "escape/internal.h" // esc__option_int: the runtime's option reader

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

// The fallbacks call whatever malloc family the program links, and only
// the functions the program itself calls may bring in the runtime's
// override: a program that defines malloc, free, calloc and realloc in a
// file of its own links with plain clang, and failed with escape-cc on
// duplicate definitions, as these two strong references pulled the
// override in beside the program's.  Weak, they resolve to the override
// when it is linked and to the C library's functions otherwise, which is
// what the original call would have reached.
#pragma weak aligned_alloc
#pragma weak posix_memalign

// In a -static link of a program with its own malloc family the weak
// references may stay null: the request fails as out of memory.
__attribute__((cold)) static void *esc_frame_libc_aligned_alloc(size_t alignment, size_t n) {
  if (!aligned_alloc) {
    errno = ENOMEM;
    return NULL;
  }
  return aligned_alloc(alignment, n);
}

__attribute__((cold)) static int esc_frame_libc_posix_memalign(void **out, size_t alignment,
                                                               size_t n) {
  return posix_memalign ? posix_memalign(out, alignment, n) : ENOMEM;
}

enum {
  ESC_FRAME_ALIGN = 16,               // every payload is at least this aligned
  ESC_FRAME_MAX_ALIGN = 4096,         // larger alignments go to aligned_alloc
  ESC_FRAME_CHUNK_MIN = 64 * 1024,    // first chunk size
  ESC_FRAME_CHUNK_MAX = 4096 * 1024,  // growth stops doubling here
  ESC_FRAME_SPARE_MAX = 128 * 1024,   // larger emptied chunks are not kept
  ESC_FRAME_CALLOC_HEAP = 32 * 1024,  // calloc at least this large: heap
  ESC_FRAME_SHRINK_MOVE = 256,        // realloc below the top to under half: moved
};
#define ESC_FRAME_CAP_DEFAULT ((size_t)1 << 20)

#define ESC_LIKELY(x) __builtin_expect(!!(x), 1)
#define ESC_UNLIKELY(x) __builtin_expect(!!(x), 0)

#define ESC_FRAME_LIVE ((size_t)1)    // object header: still allocated
#define ESC_FRAME_RECORD ((size_t)2)  // frame record pushed by enter
#define ESC_FRAME_FIRST ((size_t)4)   // first header of its chunk
#define ESC_FRAME_PROXY ((size_t)8)   // record of a fused pair's heap block
#define ESC_FRAME_FLAGS ((size_t)15)

typedef struct esc_frame_hdr_s {
  struct esc_frame_hdr_s *below;  // the header under this one, or NULL
  size_t info;                    // payload bytes | flags
} esc_frame_hdr_t;

typedef struct esc_frame_chunk_s {
  struct esc_frame_chunk_s *prev;  // the chunk under this one, or NULL
  size_t size;                     // payload bytes after this struct
  size_t used;                     // bytes in use, kept while frozen
  struct esc_frame_hdr_s *first;   // its lowest header, or NULL (see freeze)
  size_t live;                     // while frozen: headers live or records
  size_t reserved;                 // keeps the data 16-byte aligned
} esc_frame_chunk_t;

typedef struct esc_frame_arena_s {
  esc_frame_chunk_t *cur;    // newest chunk, NULL before first use
  char *ptr;                 // next free byte in cur, 16-byte aligned
  char *end;                 // end of cur
  char *base;                // first data byte of cur
  esc_frame_hdr_t *top;      // newest header, NULL when empty
  esc_frame_chunk_t *spare;  // one empty chunk kept for reuse
  size_t chunks;             // chunks in the cur list
  size_t below_used;         // bytes used in the chunks under cur
  size_t dead;               // at least the bytes of dead objects not popped
  esc_frame_hdr_t *dead_top; // with dead_ptr: the state last found mostly dead
  char *dead_ptr;
  uintptr_t stack_lo;        // this thread's stack: [stack_lo, stack_lo + stack_size)
  uintptr_t stack_size;      // 0 until the first slow path reads it
  esc_frame_hdr_t *floor;    // the outermost frame's record, NULL when none
  void *floor_ra;            // the address the floor's enter returned to
  uintptr_t inner;           // an enter's fast path: sp - stack_lo < inner
                             // (the floor's offset; 0 with no floor)
  uintptr_t outer;           // an allocation's fast path: sp - stack_lo < outer
  int registered;            // the thread-exit destructor is armed
} esc_frame_arena_t;

static _Thread_local esc_frame_arena_t esc_frame_tls;
// Chunks.  A shared library's copy of the arena (libescape-rt-dso.a) takes
// them from the process's malloc: with the runtime's own allocator each
// copy started its own thread cache, key and heap, which a dlclose left
// behind (two thread keys and a heap segment per load and unload: 512
// cycles took all 1,024 keys of the process).
#if defined(ESC_TLS_DYNAMIC)
#define esc_frame_chunk_alloc malloc
#define esc_frame_chunk_free free
#else
#define esc_frame_chunk_alloc esc__malloc
#define esc_frame_chunk_free esc__free
#endif

static pthread_key_t esc_frame_key;
static pthread_once_t esc_frame_key_once = PTHREAD_ONCE_INIT;
static int esc_frame_key_ok;
// The cap, for the fast paths' test `n - 1 < cap`: true for 1 <= n <= cap,
// false for n == 0 (whose 16-byte object the slow path makes) and while
// the cap is 0, as it is until the first slow path reads it.
static _Atomic size_t esc_frame_cap_cache;
static _Atomic int esc_frame_cap_read;

// --- Options

// esc_frame_cap is the largest request the arena serves itself.
static size_t esc_frame_cap(void) {
  if (atomic_load_explicit(&esc_frame_cap_read, memory_order_acquire))
    return atomic_load_explicit(&esc_frame_cap_cache, memory_order_relaxed);
  int saved = errno;
  int64_t v;
  size_t c = esc__option_int("ESCAPE_RT_ARENA_CAP", 0, &v) ? (size_t)v : ESC_FRAME_CAP_DEFAULT;
  errno = saved;
  atomic_store_explicit(&esc_frame_cap_cache, c, memory_order_relaxed);
  atomic_store_explicit(&esc_frame_cap_read, 1, memory_order_release);
  return c;
}

// --- Chunks

static char *esc_frame_data(esc_frame_chunk_t *c) { return (char *)(c + 1); }

// esc_frame_in_chunk reports whether p points into c's data.
static int esc_frame_in_chunk(esc_frame_chunk_t *c, const void *p) {
  uintptr_t a = (uintptr_t)p, lo = (uintptr_t)esc_frame_data(c);
  return a >= lo && a - lo < c->size;
}

// esc_frame_find_chunk returns the chunk of this arena that holds p, or NULL.
static esc_frame_chunk_t *esc_frame_find_chunk(esc_frame_arena_t *a, const void *p) {
  for (esc_frame_chunk_t *c = a->cur; c; c = c->prev)
    if (esc_frame_in_chunk(c, p)) return c;
  return NULL;
}

static void esc_frame_thread_exit(void *arg);

static void esc_frame_make_key(void) {
  esc_frame_key_ok = pthread_key_create(&esc_frame_key, esc_frame_thread_exit) == 0;
}

// esc_frame_arm makes thread exit return this thread's chunks.
static void esc_frame_arm(esc_frame_arena_t *a) {
  pthread_once(&esc_frame_key_once, esc_frame_make_key);
  if (esc_frame_key_ok && pthread_setspecific(esc_frame_key, a) == 0)
    a->registered = 1;
}

// --- Stacks
//
// The arena is LIFO per thread, which holds while the thread runs on its
// own stack: frames there enter and leave in order.  Code on another stack
// (a coroutine switched to with swapcontext, a handler on sigaltstack) runs
// between a frame's enter and leave and may outlive it: a coroutine's object
// would be released when the function that resumed it returns.  So frames
// and objects off the thread's stack use the heap instead: their enter
// returns ESC_FRAME_NO_MARK and their allocations come from malloc, which
// esc_frame_free hands on to free.
//
// The floor.  On the thread's stack, every frame that enters while the
// outermost frame in the arena (the floor) lives runs deeper than it: the
// floor's callees have lower stack pointers.  Code above the floor's stack
// pointer is therefore not the floor's callee: the floor's frame is gone
// without its leave (an exception, or a longjmp to a setjmp the compiler
// did not bracket, unwound it), or the code runs on a coroutine stack
// carved out of the thread's own (an automatic array of a caller).  Which
// of the two cannot be told, so such code steps aside, as code off the
// stack does: a coroutine's objects would be released with the frame that
// resumed it, and its records would release that frame's callees' objects.
// At the floor's own stack pointer, an enter from the call site that made
// the floor makes a new instance of the floor's function: the old one is
// gone with every frame above it, whose records would otherwise stay under
// every later frame (16 bytes a frame per exception, for as long as the
// thread runs), so the enter pops them and makes the new floor.  Other
// enters there are frames the compiler inlined into the floor's function,
// and objects there are the floor frame's own.
//
// The tests are windows on the offset from the thread's stack base, read
// in the fast paths of the functions the compiler calls; those take no
// stack frame, so each reads its caller's stack pointer less one return
// address, the same for every entry point.  An enter that finds no floor
// (inner is 0) makes its record the floor; one at the floor's stack
// pointer compares return addresses; one above it, or from the floor's
// call site, takes the slow path.  The floor's record carries FIRST, so
// only the slow paths pop it (esc_frame_pops_fast), and esc_frame_pop_from
// lifts the floor when it goes.

// esc_frame_floor_lift leaves the arena without a floor: the next enter on
// the thread's stack makes one, and objects take the whole stack.
static void esc_frame_floor_lift(esc_frame_arena_t *a) {
  a->floor = NULL;
  a->inner = 0;
  a->outer = a->stack_size;
}

// esc_frame_stack_read records this thread's stack; when the C library
// cannot tell, every address counts as on it (the arena as before).
__attribute__((noinline, cold)) static void esc_frame_stack_read(esc_frame_arena_t *a) {
  uintptr_t lo = 0;
  size_t size = 0;
  if (esc__prim_thread_stack(&lo, &size) == 0 && size) {
    a->stack_lo = lo;
    a->stack_size = size;
  } else {
    a->stack_lo = 0;
    a->stack_size = UINTPTR_MAX;
  }
  esc_frame_floor_lift(a);  // no floor before the stack is known
}

static inline uintptr_t esc_frame_sp(void) {
  uintptr_t sp;
#if defined(__x86_64__)
  __asm__("mov %%rsp, %0" : "=r"(sp));  // no frame set up just to read it
#elif defined(__aarch64__)
  __asm__("mov %0, sp" : "=r"(sp));
#else
  sp = (uintptr_t)__builtin_frame_address(0);
#endif
  return sp;
}

// esc_frame_aside is the slow paths' test: reads the stack the first time,
// then reports whether code at stack pointer sp keeps its objects out of
// the arena: off the thread's stack, or above the floor.
static int esc_frame_aside(esc_frame_arena_t *a, uintptr_t sp) {
  if (!a->stack_size) esc_frame_stack_read(a);
  uintptr_t off = sp - a->stack_lo;
  return off >= a->stack_size || (a->floor && off >= a->outer);
}

// esc_frame_off_stack reports whether the caller runs off the thread's
// stack.
static int esc_frame_off_stack(esc_frame_arena_t *a) {
  if (!a->stack_size) esc_frame_stack_read(a);
  return esc_frame_sp() - a->stack_lo >= a->stack_size;
}

// esc_frame_floor_took records h, the record of an enter at sp returning to
// ra and flagged FIRST, as the floor.
static inline void esc_frame_floor_took(esc_frame_arena_t *a, esc_frame_hdr_t *h, uintptr_t sp,
                                        void *ra) {
  a->floor = h;
  a->floor_ra = ra;
  a->inner = sp - a->stack_lo;  // enters strictly deeper than the floor
  a->outer = a->inner + 1;      // objects of the floor's frame too
}

// esc_frame_floor_set makes h, pushed by a slow-path enter at sp returning
// to ra onto an arena with no floor, the floor.
static void esc_frame_floor_set(esc_frame_arena_t *a, esc_frame_hdr_t *h, uintptr_t sp,
                                void *ra) {
  h->info |= ESC_FRAME_FIRST;
  esc_frame_floor_took(a, h, sp, ra);
}

// esc_frame_chunk_size picks the size of the next chunk for a request that
// needs `need` bytes (header and alignment slack included).
static size_t esc_frame_chunk_size(size_t chunks, size_t need) {
  size_t size = ESC_FRAME_CHUNK_MIN;
  for (size_t i = 0; i < chunks && size < ESC_FRAME_CHUNK_MAX; i++) size *= 2;
  return need > size ? (need + 4095) & ~(size_t)4095 : size;
}

// esc_frame_freeze counts the headers of the newest chunk that are live
// objects or records, as a new chunk goes on top of it and freezes it.
// Frees of objects in a frozen chunk count down (esc_frame_free_slow); at
// zero esc_frame_reclaim takes the chunk out.  One walk over the chunk's
// headers per chunk pushed.
static void esc_frame_freeze(esc_frame_arena_t *a) {
  size_t live = 0;
  esc_frame_hdr_t *lowest = NULL;
  for (esc_frame_hdr_t *h = a->top; h && esc_frame_in_chunk(a->cur, h); h = h->below) {
    live += (h->info & (ESC_FRAME_LIVE | ESC_FRAME_RECORD)) != 0;
    lowest = h;
  }
  a->cur->live = live;
  // Recorded again here: the bottom chunk, kept when the arena empties,
  // takes headers with no FIRST flag, so what the push recorded is stale.
  a->cur->first = lowest;
}

// esc_frame_discard gives an emptied or reclaimed chunk back: up to twice
// the first size it becomes the spare (the previous spare, if any, goes
// back to the allocator); a larger chunk goes back itself.
static void esc_frame_discard(esc_frame_arena_t *a, esc_frame_chunk_t *c) {
  if (c->size > ESC_FRAME_SPARE_MAX) {
    esc_frame_chunk_free(c);
  } else {
    if (a->spare) esc_frame_chunk_free(a->spare);
    a->spare = c;
  }
}

// esc_frame_grow pushes a chunk with room for `need` bytes; 0 on failure.
static int esc_frame_grow(esc_frame_arena_t *a, size_t need) {
  esc_frame_chunk_t *c = a->spare;
  if (c && c->size >= need) {
    a->spare = NULL;
  } else {
    size_t size = esc_frame_chunk_size(a->chunks, need);
    if (size > SIZE_MAX - sizeof *c) return 0;
    c = esc_frame_chunk_alloc(sizeof *c + size);
    if (!c) return 0;
    c->size = size;
  }
  if (!a->registered) esc_frame_arm(a);
  if (a->cur) {
    a->cur->used = (size_t)(a->ptr - esc_frame_data(a->cur));
    a->below_used += a->cur->used;
    esc_frame_freeze(a);
  }
  c->prev = a->cur;
  c->used = 0;
  c->first = NULL;
  a->cur = c;
  a->base = a->ptr = esc_frame_data(c);
  a->end = a->ptr + c->size;
  a->chunks++;
  return 1;
}

// esc_frame_drop removes the newest chunk (empty by now).  Up to twice the
// first size it becomes the spare, and the previous spare, if any, goes
// back to the allocator; a larger chunk goes back itself.  A spare holds
// pages the heap cannot use: a program whose long-lived arena objects sit
// under a 256 KiB chunk of per-call buffers kept those pages resident
// while its later heap blocks took new ones (test/bench/graph.c).  Taking
// a large chunk back is one allocator call, small next to filling it.
static void esc_frame_drop(esc_frame_arena_t *a) {
  esc_frame_chunk_t *c = a->cur;
  a->cur = c->prev;
  a->chunks--;
  a->below_used -= a->cur->used;
  esc_frame_discard(a, c);
  a->base = esc_frame_data(a->cur);
  a->ptr = a->base + a->cur->used;
  a->end = a->base + a->cur->size;
}

// --- Poisoning
//
// ESCAPE_RT_ARENA_POISON=1 fills memory with 0xdb when a frame releases it,
// so that a use after release (a miscompile: a promoted object used after
// its function's frame was left) reads garbage instead of the old bytes.
// The differential tests run with it on.

static int esc_frame_poison_state;  // 0 not read yet, 1 off, 2 on

static int esc_frame_poisoning(void) {
  int s = esc_frame_poison_state;
  if (ESC_LIKELY(s)) return s == 2;
  int64_t v = 0;
  int saved = errno;
  s = esc__option_int("ESCAPE_RT_ARENA_POISON", 0, &v) && v ? 2 : 1;
  errno = saved;
  esc_frame_poison_state = s;
  return s == 2;
}

static void esc_frame_poison(char *from, char *to) {
  if (!ESC_LIKELY(!esc_frame_poisoning()) && from < to) memset(from, 0xdb, (size_t)(to - from));
}

// --- Headers

// esc_frame_in_cur reports whether h lies in the newest chunk, without
// touching the chunk itself.
static inline int esc_frame_in_cur(const esc_frame_arena_t *a, const esc_frame_hdr_t *h) {
  return (uintptr_t)h - (uintptr_t)a->base < (uintptr_t)(a->end - a->base);
}

static char *esc_frame_obj_end(esc_frame_hdr_t *h) {
  return (char *)(h + 1) + (h->info & ~ESC_FRAME_FLAGS);
}

// esc_frame_trim_empty gives a chunk larger than the first size back to
// the allocator once the arena is empty (the outermost frame has left):
// the spare, and a bottom chunk sized for one large request.  The heap can
// then use those pages for other blocks, as it would have reused the
// blocks the function freed; kept here, they would stay resident beside
// them (a program that runs a search over 80 KB buffers and then builds a
// tree: 0.1 MiB more at its peak).  One chunk of the first size stays, so
// a loop calling a function with small arena objects costs no call to the
// allocator.
static void esc_frame_trim_empty(esc_frame_arena_t *a) {
  if (a->spare && a->spare->size > ESC_FRAME_CHUNK_MIN) {
    esc_frame_chunk_free(a->spare);
    a->spare = NULL;
  }
  if (a->cur->size > ESC_FRAME_CHUNK_MIN) {
    esc_frame_chunk_free(a->cur);
    a->cur = NULL;
    a->base = a->ptr = a->end = NULL;
    a->chunks = 0;
    a->below_used = 0;
    a->dead = 0;
    a->dead_top = NULL;
    a->dead_ptr = NULL;
  }
}

// esc_frame_holds_floor reports whether the floor's record is still in the
// arena after a pop: at or under the top in the newest chunk, or in an
// older chunk (a chunk that holds a record is never reclaimed).
__attribute__((noinline, cold)) static int esc_frame_holds_floor(esc_frame_arena_t *a) {
  esc_frame_chunk_t *c = a->top ? esc_frame_find_chunk(a, a->floor) : NULL;
  return c && (c != a->cur || (uintptr_t)a->floor <= (uintptr_t)a->top);
}

// esc_frame_pop_from pops h, the top or a frame record under it, with
// everything above it and the dead objects right below it (invariant 2).
// Chunks left without a header are dropped (invariant 1); the bump pointer
// goes back to the lowest header popped when that is in the chunk kept,
// else to the end of the new top.
static void esc_frame_pop_from(esc_frame_arena_t *a, esc_frame_hdr_t *h) {
  esc_frame_chunk_t *was_cur = a->cur;
  char *was_ptr = a->ptr;
  esc_frame_hdr_t *t = h->below;
  while (t && !(t->info & (ESC_FRAME_LIVE | ESC_FRAME_RECORD))) {
    h = t;
    t = t->below;
  }
  a->top = t;
  while (a->cur->prev && !(t && esc_frame_in_cur(a, t))) esc_frame_drop(a);
  if (esc_frame_in_cur(a, h))
    a->ptr = (char *)h;
  else
    a->ptr = t ? esc_frame_obj_end(t) : a->base;
  if (a->cur == was_cur) esc_frame_poison(a->ptr, was_ptr);
  if (a->floor && (!t || !esc_frame_holds_floor(a))) esc_frame_floor_lift(a);
  if (!t) esc_frame_trim_empty(a);
}

// esc_frame_pops_fast reports whether popping h, a header in the newest
// chunk whose neighbour below is t, leaves the newest chunk holding the new
// top, so that the bump pointer can simply go back to h: h is not the first
// header of its chunk (so t lies in the same chunk), and t is live or a
// record.  Everything else (t NULL, dead, or in an older chunk) is the slow
// path's.  A header is FIRST when a push had to start a chunk for it; any
// other header was pushed onto a top in the same chunk (invariant 1) or
// onto an empty arena (t NULL).
static inline int esc_frame_pops_fast(const esc_frame_hdr_t *h, const esc_frame_hdr_t *t) {
  return !(h->info & ESC_FRAME_FIRST) && t && (t->info & (ESC_FRAME_LIVE | ESC_FRAME_RECORD));
}

// esc_frame_mostly_dead reports whether at least half the arena's bytes
// are dead objects under a live top.  Only LIFO frees give memory back, so
// a loop that frees the previous iteration's object after taking the next
// (compare a line with the one before), or a queue freed from its oldest
// end, would grow the arena by an object per iteration where the heap
// reuses one or two: from the point the arena is mostly dead, requests
// that would need a new chunk go to the heap, until the top is freed and
// the dead objects under it are popped.  a->dead counts every object that
// died under the top and is only an upper bound (pops and leaves do not
// subtract), so the headers are walked (and a->dead made exact) only when
// it claims half; a state found mostly dead is remembered by its top and
// bump pointer, which frees under the top leave as they are, so the heap
// requests that follow cost no walk.
static int esc_frame_mostly_dead(esc_frame_arena_t *a) {
  size_t used = a->below_used + (size_t)(a->ptr - a->base);
  if (a->dead * 2 <= used) return 0;
  if (a->dead_top == a->top && a->dead_ptr == a->ptr) return 1;
  size_t dead = 0;
  for (esc_frame_hdr_t *h = a->top; h; h = h->below)
    if (!(h->info & (ESC_FRAME_LIVE | ESC_FRAME_RECORD)))
      dead += sizeof *h + (h->info & ~ESC_FRAME_FLAGS);
  a->dead = dead;
  if (dead * 2 <= used) return 0;
  a->dead_top = a->top;
  a->dead_ptr = a->ptr;
  return 1;
}

// esc_frame_payload is the payload of an n-byte request: n rounded up to
// the alignment, 16 bytes for n = 0.  pre: n <= the cap.
static size_t esc_frame_payload(size_t n) {
  return n ? (n + ESC_FRAME_ALIGN - 1) & ~(size_t)(ESC_FRAME_ALIGN - 1) : ESC_FRAME_ALIGN;
}

// esc_frame_push places a header with `size` payload bytes (a multiple of
// 16) aligned to `align` on top; NULL when no memory can be had or the
// arena is mostly dead (the request then goes to the heap).
__attribute__((noinline, cold)) static esc_frame_hdr_t *
esc_frame_push(esc_frame_arena_t *a, size_t size, size_t align, size_t flags) {
  size_t avail = (size_t)(a->end - a->ptr);
  if (align == ESC_FRAME_ALIGN && avail >= sizeof(esc_frame_hdr_t) &&
      size <= avail - sizeof(esc_frame_hdr_t)) {
    esc_frame_hdr_t *h = (esc_frame_hdr_t *)a->ptr;  // ptr is 16-byte aligned
    h->below = a->top;
    h->info = size | flags;
    a->top = h;
    a->ptr = (char *)(h + 1) + size;
    return h;
  }
  uintptr_t mask = (uintptr_t)align - 1;
  uintptr_t payload = ((uintptr_t)a->ptr + sizeof(esc_frame_hdr_t) + mask) & ~mask;
  if (!a->cur || payload > (uintptr_t)a->end || size > (uintptr_t)a->end - payload) {
    // Frame records always get a chunk: a frame without one would keep its
    // objects until an outer frame leaves.
    if (a->cur && !(flags & ESC_FRAME_RECORD) && esc_frame_mostly_dead(a)) return NULL;
    if (size > SIZE_MAX / 2 || !esc_frame_grow(a, size + sizeof(esc_frame_hdr_t) + align))
      return NULL;
    payload = ((uintptr_t)a->ptr + sizeof(esc_frame_hdr_t) + mask) & ~mask;
    flags |= ESC_FRAME_FIRST;
    a->cur->first = (esc_frame_hdr_t *)payload - 1;
  }
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)payload - 1;
  h->below = a->top;
  h->info = size | flags;
  a->top = h;
  a->ptr = (char *)payload + size;
  return h;
}

// esc_frame_take returns n bytes aligned to `align` from the arena, or NULL
// when the request must go to the heap instead.
__attribute__((noinline)) static void *esc_frame_take(size_t n, size_t align) {
  if (n > esc_frame_cap() || esc_frame_aside(&esc_frame_tls, esc_frame_sp())) return NULL;
  esc_frame_hdr_t *h = esc_frame_push(&esc_frame_tls, esc_frame_payload(n), align, ESC_FRAME_LIVE);
  return h ? h + 1 : NULL;
}

// --- Frames

// ESC_FRAME_NO_MARK is the mark of an enter that found no memory: never 0
// (the compiler relies on that), never a header, so its leave releases
// nothing.
#define ESC_FRAME_NO_MARK ((esc_frame_mark_t)ESC_FRAME_ALIGN)

// esc_frame_enter_aside is the slow paths' test for an enter at sp that
// returns to ra: whether it steps aside (off the stack, or above the
// floor).  At the floor's stack pointer, from the floor's call site, the
// floor's frame is gone (two live frames never share a stack pointer), and
// so is everything above it, pushed by its callees: all of it is popped
// first, and the enter makes the new floor.
static int esc_frame_enter_aside(esc_frame_arena_t *a, uintptr_t sp, void *ra) {
  if (esc_frame_aside(a, sp)) return 1;
  if (a->floor && sp - a->stack_lo == a->inner && ra == a->floor_ra) {
    (void)esc_frame_poisoning();  // reads the setting on the first call
    esc_frame_pop_from(a, a->floor);
  }
  return 0;
}

// sp and ra are the stack pointer the fast path read and its return
// address (see Stacks).
__attribute__((noinline, cold)) static esc_frame_mark_t esc_frame_enter_slow(esc_frame_arena_t *a,
                                                                            uintptr_t sp, void *ra) {
  if (esc_frame_enter_aside(a, sp, ra)) return ESC_FRAME_NO_MARK;
  esc_frame_hdr_t *h = esc_frame_push(a, 0, ESC_FRAME_ALIGN, ESC_FRAME_RECORD);
  if (!h) return ESC_FRAME_NO_MARK;
  if (!a->floor) esc_frame_floor_set(a, h, sp, ra);
  return (esc_frame_mark_t)(uintptr_t)h;
}

// esc_frame_enter_fast is an enter's fast-path test at stack pointer sp,
// returning to ra: the flags of its record, or 0 for the slow path.  FIRST
// marks a record that becomes the floor (esc_frame_floor_took records it).
static inline size_t esc_frame_enter_fast(const esc_frame_arena_t *a, uintptr_t sp, void *ra) {
  uintptr_t off = sp - a->stack_lo;
  if (ESC_LIKELY(off < a->inner)) return ESC_FRAME_RECORD;
  if (off == a->inner) return ra != a->floor_ra ? ESC_FRAME_RECORD : 0;  // an inlined frame
  return !a->floor && off < a->stack_size ? ESC_FRAME_RECORD | ESC_FRAME_FIRST : 0;
}

esc_frame_mark_t esc_frame_enter(void) {
  esc_frame_arena_t *a = &esc_frame_tls;
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)a->ptr;
  uintptr_t sp = esc_frame_sp();
  void *ra = __builtin_return_address(0);
  size_t flags;
  if (ESC_LIKELY((size_t)(a->end - a->ptr) >= sizeof *h) && (flags = esc_frame_enter_fast(a, sp, ra))) {
    h->below = a->top;
    h->info = flags;
    a->top = h;
    a->ptr = (char *)(h + 1);
    if (ESC_UNLIKELY(flags & ESC_FRAME_FIRST)) esc_frame_floor_took(a, h, sp, ra);
    return (esc_frame_mark_t)(uintptr_t)h;
  }
  return esc_frame_enter_slow(a, sp, ra);
}

// esc_frame_holds reports whether h is a header at or below the top: a mark
// released already (invariant 3) or never issued is not.
static int esc_frame_holds(esc_frame_arena_t *a, esc_frame_hdr_t *h) {
  esc_frame_chunk_t *c = esc_frame_find_chunk(a, h);
  if (!c) return 0;
  if (c == a->cur && (!a->top || (uintptr_t)h > (uintptr_t)a->top)) return 0;
  return (h->info & ESC_FRAME_RECORD) != 0;
}

__attribute__((noinline, cold)) static void esc_frame_leave_slow(esc_frame_arena_t *a, esc_frame_hdr_t *h) {
  (void)esc_frame_poisoning();  // reads the setting on the first call
  if ((uintptr_t)h - (uintptr_t)a->base < (uintptr_t)(a->ptr - a->base)) {
    if (h->info & ESC_FRAME_RECORD) esc_frame_pop_from(a, h);
    return;
  }
  if (h && esc_frame_holds(a, h)) esc_frame_pop_from(a, h);
}

void esc_frame_leave(esc_frame_mark_t m) {
  esc_frame_arena_t *a = &esc_frame_tls;
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)(uintptr_t)m;
  // Fast path: a record in the newest chunk, below the bump pointer, with a
  // live object or record under it in the same chunk: it and everything
  // above it go.  Poisoning (state 2) and the first call (state 0) take
  // the slow path, which pops the same way and poisons.
  if (ESC_LIKELY((uintptr_t)h - (uintptr_t)a->base < (uintptr_t)(a->ptr - a->base))) {
    esc_frame_hdr_t *t = h->below;
    if (ESC_LIKELY((h->info & ESC_FRAME_RECORD) && esc_frame_pops_fast(h, t) &&
                   esc_frame_poison_state == 1)) {
      a->top = t;
      a->ptr = (char *)h;
      return;
    }
  }
  esc_frame_leave_slow(a, h);
}

// --- longjmp
//
// A longjmp skips the leaves of the frames it unwinds; their objects stay
// until an outer frame leaves (invariant 3).  A loop around setjmp in a
// function without a frame of its own (main's error-recovery loop) has no
// such leave, and each jump left its callees' objects behind: 15,000 jumps
// out of a frame with a 2 KiB object peaked at 31.7 MiB, 1.5 MiB once
// bracketed (test/rewriter/setjmp-restore.c).  So the
// compiler brackets every setjmp call in code it compiles:
//
//     t = esc_frame_jmp_save();  r = setjmp(env);  esc_frame_jmp_restore(t);
//
// A setjmp caller allocates nothing in the arena itself (the pass declines
// its sites), so everything pushed above t after the save belongs to its
// callees, and when setjmp returns again all of those have been left or
// skipped: restore pops it.  On setjmp's first return nothing is above t.
// t is the top header (ESC_FRAME_EMPTY_MARK for an empty arena), found
// again by walking down from the top; one that is gone (never expected)
// releases nothing.  Off the thread's stack restore does nothing: a
// coroutine that jumps within its own stack must not pop frames the
// thread's stack pushed meanwhile.
#define ESC_FRAME_EMPTY_MARK ((esc_frame_mark_t)(2 * ESC_FRAME_ALIGN))

esc_frame_mark_t esc_frame_jmp_save(void) {
  esc_frame_hdr_t *t = esc_frame_tls.top;
  return t ? (esc_frame_mark_t)(uintptr_t)t : ESC_FRAME_EMPTY_MARK;
}

void esc_frame_jmp_restore(esc_frame_mark_t saved) {
  esc_frame_arena_t *a = &esc_frame_tls;
  esc_frame_hdr_t *t = saved == ESC_FRAME_EMPTY_MARK ? NULL : (esc_frame_hdr_t *)(uintptr_t)saved;
  if (ESC_LIKELY(a->top == t) || !a->top || esc_frame_off_stack(a)) return;
  esc_frame_hdr_t *h = a->top;  // the lowest header above t
  while (h->below != t) {
    h = h->below;
    if (!h) return;  // t is not in the arena
  }
  (void)esc_frame_poisoning();
  esc_frame_pop_from(a, h);
}

// --- Allocation

__attribute__((noinline, cold)) static void *esc_frame_alloc_slow(size_t n) {
  void *p = esc_frame_take(n, ESC_FRAME_ALIGN);
  return p ? p : malloc(n);
}

void *esc_frame_alloc(size_t n) {
  esc_frame_arena_t *a = &esc_frame_tls;
  // 1 <= n <= cap (esc_frame_cap_cache), so the rounding cannot overflow.
  size_t cap = atomic_load_explicit(&esc_frame_cap_cache, memory_order_relaxed);
  size_t size = (n + ESC_FRAME_ALIGN - 1) & ~(size_t)(ESC_FRAME_ALIGN - 1);
  if (ESC_LIKELY(n - 1 < cap && size + sizeof(esc_frame_hdr_t) <= (size_t)(a->end - a->ptr) &&
                 esc_frame_sp() - a->stack_lo < a->outer)) {
    esc_frame_hdr_t *h = (esc_frame_hdr_t *)a->ptr;
    h->below = a->top;
    h->info = size | ESC_FRAME_LIVE;
    a->top = h;
    a->ptr = (char *)(h + 1) + size;
    return h + 1;
  }
  return esc_frame_alloc_slow(n);
}

void *esc_frame_calloc(size_t count, size_t size) {
  size_t n;
  if (__builtin_mul_overflow(count, size, &n)) {
    errno = ENOMEM;
    return NULL;
  }
  // A large block from the heap comes from fresh pages, zero without being
  // touched; zeroed in the arena, every page of it became resident (150
  // blocks of 1 MB of which the program touched a byte each: 1.6 MiB
  // plain, 148 MiB in the arena).
  void *p = n < ESC_FRAME_CALLOC_HEAP ? esc_frame_take(n, ESC_FRAME_ALIGN) : NULL;
  if (!p) return calloc(count, size);
  memset(p, 0, n);
  return p;
}

void *esc_frame_aligned_alloc(size_t alignment, size_t n) {
  // Unusual alignments keep the C library's exact answer (EINVAL or not).
  if (alignment == 0 || (alignment & (alignment - 1)) || alignment > ESC_FRAME_MAX_ALIGN)
    return esc_frame_libc_aligned_alloc(alignment, n);
  void *p = esc_frame_take(n, alignment < ESC_FRAME_ALIGN ? ESC_FRAME_ALIGN : alignment);
  return p ? p : esc_frame_libc_aligned_alloc(alignment, n);
}

int esc_frame_posix_memalign(void **out, size_t alignment, size_t n) {
  if (alignment < sizeof(void *) || (alignment & (alignment - 1)) || alignment % sizeof(void *))
    return EINVAL;
  void *p = alignment > ESC_FRAME_MAX_ALIGN
                ? NULL
                : esc_frame_take(n, alignment < ESC_FRAME_ALIGN ? ESC_FRAME_ALIGN : alignment);
  if (!p) return esc_frame_libc_posix_memalign(out, alignment, n);
  *out = p;
  return 0;
}

char *esc_frame_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = esc_frame_alloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

char *esc_frame_strndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *p = esc_frame_alloc(len + 1);
  if (!p) return NULL;
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

// The _small forms name a stack slot the compiler made for a block of a
// dynamic size; it turns each call into a test that takes the slot when
// the size fits, and calls the plain form where it does not, so these are
// only for a call it left as it was.  The slot, an argument more than the
// plain form takes, is never read: on ELF targets each is another name of
// its plain form (an extra argument is ignored by the C calling
// conventions of the targets the compiler rewrites for), which costs the
// runtime's footprint no code.
#if defined(__ELF__) && (defined(__x86_64__) || defined(__aarch64__))
__asm__(".globl esc_frame_alloc_small\n.set esc_frame_alloc_small, esc_frame_alloc\n"
        ".globl esc_frame_calloc_small\n.set esc_frame_calloc_small, esc_frame_calloc\n"
        ".globl esc_frame_strdup_small\n.set esc_frame_strdup_small, esc_frame_strdup\n"
        ".globl esc_frame_strndup_small\n.set esc_frame_strndup_small, esc_frame_strndup\n");
#else
void *esc_frame_alloc_small(size_t n, void *slot) {
  (void)slot;
  return esc_frame_alloc(n);
}

void *esc_frame_calloc_small(size_t count, size_t size, void *slot) {
  (void)slot;
  return esc_frame_calloc(count, size);
}

char *esc_frame_strdup_small(const char *s, void *slot) {
  (void)slot;
  return esc_frame_strdup(s);
}

char *esc_frame_strndup_small(const char *s, size_t n, void *slot) {
  (void)slot;
  return esc_frame_strndup(s, n);
}
#endif

void *esc_frame_realloc_heap(void *p, size_t n) {
  esc_frame_arena_t *a = &esc_frame_tls;
  if (!p || !esc_frame_find_chunk(a, p)) return realloc(p, n);
  if (n == 0) {
    esc_frame_free(p);
    return NULL;
  }
  size_t old = ((esc_frame_hdr_t *)p - 1)->info & ~ESC_FRAME_FLAGS;
  void *q = malloc(n);
  if (!q) return NULL;
  memcpy(q, p, old < n ? old : n);
  esc_frame_free(p);
  return q;
}

void *esc_frame_realloc(void *p, size_t n) {
  esc_frame_arena_t *a = &esc_frame_tls;
  if (!p) return esc_frame_alloc(n);
  if (!esc_frame_find_chunk(a, p)) return realloc(p, n);
  if (n == 0) {  // as glibc: free and return NULL
    esc_frame_free(p);
    return NULL;
  }
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)p - 1;
  size_t old = h->info & ~ESC_FRAME_FLAGS;
  size_t size = (n + ESC_FRAME_ALIGN - 1) & ~(size_t)(ESC_FRAME_ALIGN - 1);
  if (n <= esc_frame_cap() && h == a->top && size <= (size_t)(a->end - (char *)p)) {
    h->info = size | (h->info & ESC_FRAME_FLAGS);  // the top object grows or shrinks in place
    a->ptr = (char *)p + size;
    return p;
  }
  if (n <= old) {
    // Shrunk to under half below the top, the block would keep its tail
    // for as long as it lives, counted live: a loop that shrinks each
    // buffer it keeps grew the arena by the buffers' full sizes (4096-byte
    // buffers kept at 100 bytes: 123 MiB where plain code peaked at 5.8).
    // Moved, its old bytes are dead, which the arena gets back or stops
    // growing over (esc_frame_mostly_dead).
    if (old < ESC_FRAME_SHRINK_MOVE || size > old / 2) return p;
    void *q = esc_frame_alloc(n);
    if (!q) return p;
    memcpy(q, p, n);
    esc_frame_free(p);
    return q;
  }
  // A block that grows out of place gets room to grow twice its old size
  // there, as a vector's capacity: moved at each step only by as much as
  // it asked for, a block grown 64 bytes at a time past its chunk was
  // copied again every few steps (1 MB built up 200 times: 0.50 s, plain
  // 0.02 s).
  size_t room = old * 2 > n && old * 2 <= esc_frame_cap() ? old * 2 : n;
  void *q = esc_frame_alloc(room);
  if (!q) return NULL;
  memcpy(q, p, old);
  esc_frame_free(p);
  return q;
}

void *esc_frame_realloc_array(void *p, size_t n) __attribute__((alias("esc_frame_realloc")));

__attribute__((noinline, cold)) static void esc_frame_free_slow(esc_frame_arena_t *a, void *p);

void esc_frame_free(void *p) {
  esc_frame_arena_t *a = &esc_frame_tls;
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)((uintptr_t)p - sizeof(esc_frame_hdr_t));
  esc_frame_hdr_t *top = a->top;
  // Fast path 1: the top object (in the newest chunk by invariant 1) with a
  // live object or record under it in the same chunk.  (p NULL gives an h
  // that is never the top.)
  if (ESC_LIKELY(h == top)) {
    esc_frame_hdr_t *t = h->below;
    if (ESC_LIKELY((h->info & (ESC_FRAME_LIVE | ESC_FRAME_RECORD)) == ESC_FRAME_LIVE &&
                   esc_frame_pops_fast(h, t))) {
      a->top = t;
      a->ptr = (char *)h;
      return;
    }
  } else if ((uintptr_t)h - (uintptr_t)a->base < (uintptr_t)(a->ptr - a->base)) {
    // Fast path 2: a live object under the top in the newest chunk, whose
    // used part holds no heap block: it only dies; the top stays live.
    size_t info = h->info;
    if (ESC_LIKELY(info & ESC_FRAME_LIVE)) {
      h->info = info & ~ESC_FRAME_LIVE;
      a->dead += sizeof *h + (info & ~ESC_FRAME_FLAGS);
      return;
    }
  }
  esc_frame_free_slow(a, p);
}

// esc_frame_reclaim takes c, a frozen chunk whose headers are all dead,
// out of the arena: the lowest header of the chunk above it (which points
// into c, the top when that chunk was pushed) is linked to the header
// under c, as if c's headers had been popped.  A queue freed from its
// oldest end (a breadth-first search) leaves such chunks under its live
// tail; before, the arena kept them, up to as many dead bytes as live ones
// (esc_frame_mostly_dead): a 2,000,000-node search peaked at 66 MiB where
// plain code peaks at 35 (test/acceptance/programs/queue.c).
static void esc_frame_reclaim(esc_frame_arena_t *a, esc_frame_chunk_t *c) {
  esc_frame_chunk_t *upper = a->cur;
  while (upper && upper->prev != c) upper = upper->prev;
  if (!upper || !upper->first || !c->first) return;
  upper->first->below = c->first->below;
  upper->prev = c->prev;
  a->chunks--;
  a->below_used -= c->used;
  a->dead -= a->dead < c->used ? a->dead : c->used;
  a->dead_top = NULL;
  a->dead_ptr = NULL;
  esc_frame_discard(a, c);
}

static void esc_frame_free_slow(esc_frame_arena_t *a, void *p) {
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)((uintptr_t)p - sizeof(esc_frame_hdr_t));
  if (!p) return;
  esc_frame_chunk_t *c = esc_frame_find_chunk(a, p);
  if (!c) {
    free(p);
    return;
  }
  if (h->info & ESC_FRAME_LIVE) {
    h->info &= ~ESC_FRAME_LIVE;
    // An object of esc_frame_enter_alloc is also its frame's record: it
    // stays, as a record, until the frame is left.
    if (h->info & ESC_FRAME_RECORD) return;
    if (h == a->top) {
      esc_frame_pop_from(a, h);
      return;
    }
    a->dead += sizeof *h + (h->info & ~ESC_FRAME_FLAGS);
    if (c != a->cur && --c->live == 0) esc_frame_reclaim(a, c);
  }
}

// --- Fused calls
//
// The compiler fuses an enter with the allocation right after it, and a
// free with the leave right after it.  An object of esc_frame_enter_alloc
// has flags LIVE | RECORD: its header is the frame's record, so the pair
// costs one header; freeing it clears LIVE and leaves the record.
//
// esc_frame_free_leave_pair(p) finds the frame from p alone, so code that
// frees the pair's object right before the leave need not keep the mark
// (in a recursive function, one callee-saved register less per level).
// For that the slow path keeps one rule: a non-NULL object has a record
// that p leads to.  An arena object is its own record; a heap block (a
// request above the cap, or arena growth failed) gets a record with flag
// PROXY whose 16-byte payload holds the block's address; off the thread's
// stack there are no records and no leaves.  When no record can be had,
// the pair is {NULL, ESC_FRAME_NO_MARK} with errno ENOMEM.

// sp and ra are the stack pointer the fast path read and its return
// address (see Stacks).
__attribute__((noinline, cold)) static esc_frame_pair_t esc_frame_enter_alloc_slow(size_t n,
                                                                                  uintptr_t sp,
                                                                                  void *ra) {
  esc_frame_arena_t *a = &esc_frame_tls;
  esc_frame_pair_t r = {NULL, ESC_FRAME_NO_MARK};
  if (esc_frame_enter_aside(a, sp, ra)) {
    r.ptr = malloc(n);
    return r;
  }
  esc_frame_hdr_t *h = NULL;
  if (n <= esc_frame_cap())
    h = esc_frame_push(a, esc_frame_payload(n), ESC_FRAME_ALIGN, ESC_FRAME_LIVE | ESC_FRAME_RECORD);
  if (h) {
    r.ptr = h + 1;
  } else {
    h = esc_frame_push(a, ESC_FRAME_ALIGN, ESC_FRAME_ALIGN, ESC_FRAME_RECORD | ESC_FRAME_PROXY);
    if (!h) {
      errno = ENOMEM;
      return r;
    }
    r.ptr = malloc(n);
    if (!r.ptr) {  // as malloc fails: NULL, its errno, and no frame
      int err = errno;
      esc_frame_pop_from(a, h);
      errno = err;
      return r;
    }
    *(void **)(h + 1) = r.ptr;
  }
  if (!a->floor) esc_frame_floor_set(a, h, sp, ra);
  r.mark = (esc_frame_mark_t)(uintptr_t)h;
  return r;
}

esc_frame_pair_t esc_frame_enter_alloc(size_t n) {
  esc_frame_arena_t *a = &esc_frame_tls;
  size_t cap = atomic_load_explicit(&esc_frame_cap_cache, memory_order_relaxed);
  size_t size = (n + ESC_FRAME_ALIGN - 1) & ~(size_t)(ESC_FRAME_ALIGN - 1);
  // 1 <= n <= cap bounds n (and size) far below the arena's address range.
  uintptr_t sp = esc_frame_sp();
  void *ra = __builtin_return_address(0);
  size_t flags;
  if (ESC_LIKELY(n - 1 < cap && size + sizeof(esc_frame_hdr_t) <= (size_t)(a->end - a->ptr)) &&
      (flags = esc_frame_enter_fast(a, sp, ra))) {
    esc_frame_hdr_t *h = (esc_frame_hdr_t *)a->ptr;
    h->below = a->top;
    h->info = size | ESC_FRAME_LIVE | flags;
    a->top = h;
    a->ptr = (char *)(h + 1) + size;
    if (ESC_UNLIKELY(flags & ESC_FRAME_FIRST)) esc_frame_floor_took(a, h, sp, ra);
    esc_frame_pair_t r = {h + 1, (esc_frame_mark_t)(uintptr_t)h};
    return r;
  }
  return esc_frame_enter_alloc_slow(n, sp, ra);
}

__attribute__((noinline, cold)) static void esc_frame_free_leave_slow(void *p, esc_frame_mark_t m) {
  esc_frame_free(p);
  esc_frame_leave(m);
}

void esc_frame_free_leave(void *p, esc_frame_mark_t m) {
  esc_frame_arena_t *a = &esc_frame_tls;
  esc_frame_hdr_t *h = (esc_frame_hdr_t *)((uintptr_t)p - sizeof(esc_frame_hdr_t));
  esc_frame_hdr_t *r = (esc_frame_hdr_t *)(uintptr_t)m;
  uintptr_t base = (uintptr_t)a->base;
  // Fast path: m's record and p's header lie in the newest chunk's used
  // part, p's at or above the record: the leave releases p with the rest
  // of the frame, so the free has nothing to add.
  if (ESC_LIKELY((uintptr_t)r - base <= (uintptr_t)h - base &&
                 (uintptr_t)h - base < (uintptr_t)(a->ptr - a->base) &&
                 (r->info & ESC_FRAME_RECORD))) {
    esc_frame_leave(m);
    return;
  }
  esc_frame_free_leave_slow(p, m);
}

// esc_frame_free_leave_heap frees p, a heap block, and leaves the frame of
// its PROXY record.  Only the frame leaving is above its record (frames a
// longjmp skipped hold blocks allocated while p was live, so never p), and
// records of outer frames lie below it, so the first match is p's own.
__attribute__((noinline, cold)) static void esc_frame_free_leave_heap(esc_frame_arena_t *a, void *p) {
  free(p);
  if (!p || esc_frame_off_stack(a)) return;
  for (esc_frame_hdr_t *h = a->top; h; h = h->below)
    if ((h->info & ESC_FRAME_PROXY) && *(void *const *)(h + 1) == p) {
      (void)esc_frame_poisoning();
      esc_frame_pop_from(a, h);
      return;
    }
}

void esc_frame_free_leave_pair(void *p) {
  esc_frame_arena_t *a = &esc_frame_tls;
  uintptr_t h = (uintptr_t)p - sizeof(esc_frame_hdr_t);
  // An arena object of a pair is its own frame's record.
  if (ESC_LIKELY(h - (uintptr_t)a->base < (uintptr_t)(a->ptr - a->base)) ||
      (p && esc_frame_find_chunk(a, p)))
    esc_frame_leave((esc_frame_mark_t)h);
  else
    esc_frame_free_leave_heap(a, p);
}

// --- Introspection

size_t esc_frame_bytes_in_use(void) {
  esc_frame_arena_t *a = &esc_frame_tls;
  if (!a->cur) return 0;
  size_t n = (size_t)(a->ptr - esc_frame_data(a->cur));
  for (esc_frame_chunk_t *c = a->cur->prev; c; c = c->prev) n += c->used;
  return n;
}

size_t esc_frame_bytes_reserved(void) {
  esc_frame_arena_t *a = &esc_frame_tls;
  size_t n = a->spare ? a->spare->size : 0;
  for (esc_frame_chunk_t *c = a->cur; c; c = c->prev) n += c->size;
  return n;
}

// --- Debug checks

// esc__arena_is_valid reports whether this thread's arena keeps its
// invariants: the bump pointer inside the newest chunk, the top header in
// it below the bump pointer, every header below linked to a lower address
// of the same chunk or into an older chunk, and no dead object on top.
int esc__arena_is_valid(void) {
  esc_frame_arena_t *a = &esc_frame_tls;
  if (!a->cur) return !a->top && !a->ptr;
  if (a->base != esc_frame_data(a->cur) || a->end != a->base + a->cur->size ||
      a->ptr < a->base || a->ptr > a->end)
    return 0;
  if (a->top && !((char *)a->top >= a->base && (char *)a->top < a->ptr)) return 0;
  if (!a->top && a->cur->prev) return 0;
  if (a->top && !(a->top->info & (ESC_FRAME_LIVE | ESC_FRAME_RECORD))) return 0;
  for (esc_frame_hdr_t *h = a->top; h; h = h->below) {
    esc_frame_chunk_t *c = esc_frame_find_chunk(a, h);
    if (!c || (h->below && esc_frame_in_chunk(c, h->below) && h->below >= h)) return 0;
  }
  return 1;
}

// --- Thread exit

static void esc_frame_thread_exit(void *arg) {
  esc_frame_arena_t *a = arg;
  while (a->cur) {
    esc_frame_chunk_t *c = a->cur;
    a->cur = c->prev;
    esc_frame_chunk_free(c);
  }
  if (a->spare) esc_frame_chunk_free(a->spare);
  memset(a, 0, sizeof *a);
}

#if defined(ESC_TLS_DYNAMIC)
// esc_frame_unload runs when the shared library holding this copy of the
// arena is unloaded (and at exit).  The key's destructor is this library's
// code: a thread that used the library and exits after a dlclose called
// it unmapped and crashed.  The key goes, and with it the destructor; the
// unloading thread's chunks go back when it holds no object in them.
// Other threads' chunks stay allocated (they cannot be reached any more).
__attribute__((destructor)) static void esc_frame_unload(void) {
  if (!esc_frame_key_ok) return;
  esc_frame_arena_t *a = &esc_frame_tls;
  if (a->registered && !a->top) {
    pthread_setspecific(esc_frame_key, NULL);
    esc_frame_thread_exit(a);
  }
  pthread_key_delete(esc_frame_key);
  esc_frame_key_ok = 0;
}
#endif
