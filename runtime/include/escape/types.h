//===- escape/types.h - data model of the tiered allocator -------*- C -*-===//
//
// Part of escape.  Constants and structures shared by the allocator's files:
// size classes, spans, segments, the thread cache (mcache), the central
// lists (mcentral) and the page heap (mheap).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_TYPES_H
#define ESCAPE_TYPES_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define esc_likely(x) __builtin_expect(!!(x), 1)
#define esc_unlikely(x) __builtin_expect(!!(x), 0)
#define ESC_NOINLINE __attribute__((noinline))
#define ESC_INLINE static inline __attribute__((always_inline))
#else
#define esc_likely(x) (x)
#define esc_unlikely(x) (x)
#define ESC_NOINLINE
#define ESC_INLINE static inline
#endif

#ifdef ESC_DEBUG
#define ESC_ASSERT(c) ((c) ? (void)0 : esc__assert_fail(#c, __FILE__, __LINE__))
#else
#define ESC_ASSERT(c) ((void)0)
#endif

// Pages of the page heap: 8 KiB, as in Go.  Segments: 4 MiB, aligned to
// their size so a block's segment is found by masking its address.
#define ESC_PAGE_SHIFT 13
#define ESC_PAGE_SIZE ((size_t)1 << ESC_PAGE_SHIFT)
#define ESC_SEG_SHIFT 22
#define ESC_SEG_SIZE ((size_t)1 << ESC_SEG_SHIFT)
#define ESC_SEG_MASK (ESC_SEG_SIZE - 1)
#define ESC_SEG_PAGES (ESC_SEG_SIZE / ESC_PAGE_SIZE)

// Small objects: size classes up to 32 KiB.  Large: one object per span of
// the page heap, up to ESC_LARGE_MAX.  Huge: straight from the OS.
#define ESC_SMALL_MAX ((size_t)32768)
#define ESC_NCLASSES 129 // class 0 is "not small"; 1..128 are size classes
#define ESC_LARGE_MAX ((size_t)1 << 20)
#define ESC_HUGE_HDR ((size_t)8192) // offset of a huge block in its mapping

// Alignment malloc guarantees (max_align_t on the supported targets).
#define ESC_MIN_ALIGN ((size_t)16)

// Free spans of up to ESC_HEAP_BINS pages sit in exact-size bins.
#define ESC_HEAP_BINS 64

typedef struct {
  atomic_int v;
} esc_lock_t;

// ESC_SPAN_CACHED: a large span its thread freed and keeps for its next
// large block (tcache.c); a second free of its block is an error.
enum esc_span_state {
  ESC_SPAN_NONE = 0,
  ESC_SPAN_FREE,
  ESC_SPAN_SMALL,
  ESC_SPAN_LARGE,
  ESC_SPAN_CACHED
};

// A span: a run of pages of one segment.  Its metadata lives in the
// segment header at the index of its first page.
typedef struct esc_span_s {
  struct esc_span_s *next, *prev; // heap bin or central partial list
  void *free;                     // freed objects (small spans)
  char *bump;                     // first never-used object (small spans)
  char *start;                    // first byte of the span
  uint32_t npages;
  uint32_t capacity;              // objects the span holds (small)
  uint32_t inuse;                 // objects not on `free` nor past `bump`
  uint16_t cls;
  uint8_t state;                  // enum esc_span_state
  uint8_t committed;              // free span: pages may be resident
  uint8_t in_partial;             // linked in its central's partial list
  uint8_t sampled;                // holds a heap-profile sample
  uint8_t zero;                   // in use: its pages read as zero when handed out
  uint64_t free_since;            // free span: when it became free (ms)
} esc_span_t;

enum esc_segment_kind { ESC_SEG_SPANS = 1, ESC_SEG_HUGE = 2 };

// A segment header.  `kind` and `page_cls` come first so a huge block's
// header (one page) holds them too; page_cls is all zero there.
typedef struct esc_segment_s {
  uint32_t kind;
  uint32_t hdr_pages;                  // pages taken by this header
  uint8_t page_cls[ESC_SEG_PAGES + 8]; // class of each page's span, 0 if none
  // Huge blocks only:
  size_t huge_map_size;                // bytes mapped, from `huge_base`
  char *huge_base;                     // start of the mapping
  size_t huge_usable;                  // bytes usable from the block start
  uint32_t huge_sampled;
  size_t huge_dirty;                   // bytes from the block's start that may
                                       // hold old data (0: fresh pages)
  // Span segments only:
  struct esc_segment_s *next;
  uint16_t page_head[ESC_SEG_PAGES];   // first page of the page's span
  esc_span_t spans[ESC_SEG_PAGES];
} esc_segment_t;

// A thread cache bin: two singly linked lists through the objects' first
// word.  malloc pops `head`; free pushes `local`, which becomes `head` when
// that runs dry, as with mimalloc's page-local free lists.  So a freed
// object is not handed out again at once: the free's store to a (often
// cold) object is not followed by a malloc that loads it back and a program
// that writes to it (single-thread churn: 1.15x -> 0.99x mimalloc's CPU
// time; larson about 3 % slower).  `room` is how many more objects the free fast path may push; `pops`
// counts the malloc fast path's pops since the last slow path, which adds
// them back to room.  So the objects held are max - room - pops.  The
// scavenger zeroes room (a relaxed atomic store) to send an idle thread's
// next free to the slow path, where the cache is trimmed.
//
// `lim` bounds the objects a bin holds; room + pops + held == lim after
// every slow path.  It starts at four objects and doubles at each refill
// and each overflow, up to the class's budget, so a class a thread touches
// once costs it a few objects, not a batch (tcmalloc's slow start).  A bin
// malloc took nothing from since its last overflow (`took`) only frees: its
// limit stays at a batch, or half of one when its thread never allocated
// from it (a consumer of another thread's objects).
enum { ESC_TOOK_NOW = 1, ESC_TOOK_EVER = 2 };
typedef struct {
  void *head;  // malloc pops here
  void *local; // free pushes here; becomes `head` when that runs dry
  uint32_t room;
  uint32_t pops;
  uint32_t lim;      // objects the bin may hold (<= esc__class_max)
  uint32_t took;     // ESC_TOOK_NOW: malloc took objects from it since the last
                     // overflow; ESC_TOOK_EVER: since the thread started
} esc_bin_t;

enum esc_tc_state { ESC_TC_UNINIT = 0, ESC_TC_ACTIVE, ESC_TC_DEAD };

// The per-thread cache (Go's mcache).  `bins` is the fast path's; when the
// heap profile is on the fast path is kept empty and `alt` serves instead,
// so every allocation passes the sampler.  `alt` is mapped at the thread's
// first slow path when the profile is on (NULL otherwise): the C library
// zeroes a thread's whole static TLS block at its start, so 4 KiB of bins
// only profiling uses would be resident in every thread.  Live caches are
// linked in a registry the scavenger walks: `slow` counts slow-path calls,
// and a cache whose count stood still for a while is asked (`trim`) to
// flush itself.
#define ESC_TC_LARGE 8
#define ESC_TC_LARGE_PAGES 8
typedef struct esc_tcache_s {
  // First: the fast paths address a bin as the cache plus class * 32, and
  // an offset before the bins made gcc spend five more instructions on
  // each malloc and free (churn 200000: 20.1 -> 21.9 million).
  esc_bin_t bins[ESC_NCLASSES];
  esc_bin_t *alt;
  int state;
  int in_sample;
  int64_t sample_left;
  uint64_t rng;
  atomic_uint_fast64_t slow;
  atomic_int trim;
  struct esc_tcache_s *reg_next, *reg_prev; // registry, under its lock
  uint64_t seen_slow, seen_ms;              // the scavenger's last look
  void *caller; // profiling: where the program called calloc or realloc
  // Large spans of up to ESC_TC_LARGE_PAGES pages this thread freed, for
  // its next large blocks (esc__tc_large_take): threads that churn 32-64
  // KiB blocks met at the page heap's lock for each of them.
  esc_span_t *large[ESC_TC_LARGE];
  unsigned large_next; // the slot a kept span takes when none is empty
  // Central batches this thread took and handed back, for the statistics:
  // written by the owner only, summed over the registry by a reader, and
  // added to esc__counters at thread exit.  Every thread bumping one shared
  // atomic counter per batch was 8% of a four-thread workload's time.
  atomic_uint_fast64_t refills, flushes;
} esc_tcache_t;

// Central lists of one size class (Go's mcentral): full batches ready to
// hand to a thread, and spans with free objects.
// At most this many batches per class wait in transfer slots (the default,
// ESCAPE_RT_TRANSFER_BATCHES, is all of them, within
// ESCAPE_RT_TRANSFER_BYTES).  Each central list is a cache line of its
// own, so threads on different classes do not share one, and holds its
// first ESC_XFER_NEAR slots; the rest live apart (central.c), each class's
// together, touched only by a class that fills them.
#define ESC_XFER_MAX 64
#define ESC_XFER_NEAR 5
typedef struct {
  esc_lock_t lock;
  uint32_t nchains;                // slots in use, each exactly `batch` objects
  uint32_t touched;                // set by every operation, cleared by the scavenger
  uint32_t unclaimed;              // batches put in slots since the last refill
  esc_span_t *partial;             // spans with free objects or bump room
  void *near[ESC_XFER_NEAR];       // the first slots
} __attribute__((aligned(64))) esc_central_t;

// The options, read once from the environment (options.c).
typedef struct {
  size_t cache_bytes;     // ESCAPE_RT_CACHE_BYTES: per-class thread cache budget
  uint32_t xfer_slots;    // ESCAPE_RT_TRANSFER_BATCHES: batches per central list
  size_t xfer_bytes;      // ESCAPE_RT_TRANSFER_BYTES: bytes of batches per central list
  int64_t release_delay;  // ESCAPE_RT_RELEASE_DELAY (ms), < 0: never
  size_t free_keep;       // ESCAPE_RT_FREE_KEEP: free resident bytes kept at most
  bool scavenger;         // ESCAPE_RT_SCAVENGER: background release thread
  int stats;              // ESCAPE_RT_STATS: 0 off, 1 summary, 2 and per class
  bool profile;           // ESCAPE_RT_PROFILE set
  char profile_path[512];
  size_t profile_rate;    // ESCAPE_RT_PROFILE_RATE (bytes)
} esc_options_t;

// Counters (stats.c); relaxed atomics, updated on slow paths only.
typedef struct {
  atomic_uint_fast64_t mapped, committed, committed_peak, released;
  atomic_uint_fast64_t huge_allocs, huge_bytes, spans, refills, flushes, segments;
} esc_counters_t;

#endif // ESCAPE_TYPES_H
