//===- options.c - initialisation, options, locks and errors --------------===//
//
// Part of escape.  Initialises the runtime on the first allocation: reads
// the ESCAPE_RT_* options straight from the environment (no malloc, no
// stdio), builds the size classes, registers the thread-exit and fork
// handlers.  Also the lock and the error reporter.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#include <string.h>

esc_options_t esc__options = {
    .cache_bytes = 16 * 1024,
    .xfer_slots = ESC_XFER_MAX,
    .xfer_bytes = 1024 * 1024,
    .release_delay = 100,
    .free_keep = 2 * 1024 * 1024,
    .scavenger = true,
    .profile_rate = 512 * 1024,
};
atomic_int esc__init_state;

static esc_error_fun *esc_error_handler;
static void *esc_error_arg;

// A lock word is 0 when free, 1 when held, 2 when held and a thread may
// sleep on it.  A thread that finds it held spins a little (the holder is
// usually a few instructions from its unlock), then marks it 2 and sleeps:
// with more threads than processors, spinning or yielding lets the
// scheduler run the waiters while the holder waits preempted.
void esc__lock(esc_lock_t *l) {
  for (unsigned spins = 0; spins < 64; spins++) {
    int free_word = 0;
    if (!atomic_load_explicit(&l->v, memory_order_relaxed) &&
        atomic_compare_exchange_weak_explicit(&l->v, &free_word, 1, memory_order_acquire,
                                              memory_order_relaxed))
      return;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  while (atomic_exchange_explicit(&l->v, 2, memory_order_acquire) != 0)
    esc__prim_wait((int *)&l->v, 2);
}

void esc__unlock(esc_lock_t *l) {
  if (atomic_exchange_explicit(&l->v, 0, memory_order_release) == 2) esc__prim_wake((int *)&l->v);
}

// esc_parse_size reads a decimal number with an optional k/m/g suffix;
// false when it is none, or does not fit in 63 bits.
static bool esc_parse_size(const char *s, int64_t *out) {
  bool neg = *s == '-';
  if (neg) s++;
  if (*s < '0' || *s > '9') return false;
  int64_t v = 0;
  for (; *s >= '0' && *s <= '9'; s++) {
    if (v > (INT64_MAX - 9) / 10) return false;
    v = v * 10 + (*s - '0');
  }
  int shift = 0;
  switch (*s | 0x20) {
  case 'k': shift = 10; s++; break;
  case 'm': shift = 20; s++; break;
  case 'g': shift = 30; s++; break;
  default: break;
  }
  if (*s && (*s | 0x20) != 'b') return false;
  if (*s && s[1]) return false;
  if (v > INT64_MAX >> shift) return false;
  v <<= shift;
  *out = neg ? -v : v;
  return true;
}

// esc__option_int reads option `name` into *out: 1 when it is set to a
// number of at least `lo`, 0 when it is unset.  Any other value is
// reported and ignored: the default stays.
int esc__option_int(const char *name, int64_t lo, int64_t *out) {
  char val[64];
  if (esc__prim_getenv(name, val, sizeof val) != 0) return 0;
  int64_t v;
  if (esc_parse_size(val, &v) && v >= lo) {
    *out = v;
    return 1;
  }
  const char *parts[] = {name, "=", val, lo < 0 ? ": not a number" : ": not a size",
                         " (digits with an optional k, m or g suffix); the default is used"};
  esc__error_parts(EINVAL, parts, 5);
  return 0;
}

static void esc_options_read(void) {
  esc_options_t *o = &esc__options;
  int64_t v;
  if (esc__option_int("ESCAPE_RT_CACHE_BYTES", 0, &v)) o->cache_bytes = (size_t)v;
  if (esc__option_int("ESCAPE_RT_TRANSFER_BATCHES", 0, &v))
    o->xfer_slots = v > ESC_XFER_MAX ? ESC_XFER_MAX : (uint32_t)v;
  if (esc__option_int("ESCAPE_RT_TRANSFER_BYTES", 0, &v)) o->xfer_bytes = (size_t)v;
  if (esc__option_int("ESCAPE_RT_RELEASE_DELAY", INT64_MIN, &v)) o->release_delay = v;
  if (esc__option_int("ESCAPE_RT_FREE_KEEP", 0, &v)) o->free_keep = (size_t)v;
  if (esc__option_int("ESCAPE_RT_SCAVENGER", 0, &v)) o->scavenger = v != 0;
  if (esc__option_int("ESCAPE_RT_STATS", 0, &v)) o->stats = v == 0 ? 0 : v == 1 ? 1 : 2;
  if (esc__option_int("ESCAPE_RT_PROFILE_RATE", 1, &v)) o->profile_rate = (size_t)v;
  if (esc__prim_getenv("ESCAPE_RT_PROFILE", o->profile_path, sizeof o->profile_path) == 0 &&
      o->profile_path[0])
    o->profile = true;
}

static void esc_fork_prepare(void) {
  esc__profile_fork_prepare();
  esc__tcache_fork_prepare();
  esc__central_fork_prepare();
  esc__heap_fork_prepare();
}

static void esc_fork_parent(void) {
  esc__heap_fork_parent();
  esc__central_fork_parent();
  esc__tcache_fork_parent();
  esc__profile_fork_parent();
}

static void esc_fork_child(void) {
  esc__heap_fork_child();
  esc__central_fork_child();
  esc__tcache_fork_child();
  esc__profile_fork_child();
  esc__scavenger_fork_child();
}

// esc__fork_handlers_need registers the fork handlers, once, before a
// second thread can take the allocator's locks: when a second thread cache
// is made and before the background thread starts.  Until then only one
// thread takes the locks, and it cannot be inside the allocator while it
// forks, so a child inherits no held lock.  A process that stays single
// threaded never calls pthread_atfork: its first call reads a constant that
// maps about 50 KiB of the C library's read-only pages.  pthread_atfork may
// allocate; the caller holds none of the allocator's locks.
void esc__fork_handlers_need(void) {
  static atomic_int done;
  if (atomic_exchange(&done, 1)) return;
  esc__prim_atfork(esc_fork_prepare, esc_fork_parent, esc_fork_child);
}

// esc__init runs once per process.  A thread that finds another one
// initialising waits.
void esc__init(void) {
  int expected = 0;
  if (!atomic_compare_exchange_strong(&esc__init_state, &expected, 1)) {
    while (atomic_load_explicit(&esc__init_state, memory_order_acquire) == 1) esc__prim_yield();
    return;
  }
  esc_options_read();
  esc__classes_init();
  esc__tcache_init_process();
  atomic_store_explicit(&esc__init_state, 2, memory_order_release);
}

__attribute__((destructor)) static void esc_at_exit(void) {
  if (atomic_load(&esc__init_state) != 2) return;
  if (esc__options.stats) esc__stats_print(2);
  if (esc__options.stats > 1) esc__stats_print_classes(2);
  if (esc__options.profile) esc__profile_at_exit();
}

void esc__register_error(esc_error_fun *fun, void *arg) {
  esc_error_arg = arg;
  esc_error_handler = fun;
}

// esc__error_parts writes "escape-rt: error: " and the n strings of
// parts on one line of stderr, then calls the registered handler.
void esc__error_parts(int err, const char *const *parts, int n) {
  char buf[768];
  size_t k = 0;
  for (int i = -1; i <= n; i++) {
    const char *p = i < 0 ? "escape-rt: error: " : i == n ? "\n" : parts[i];
    size_t len = strlen(p);
    if (len > sizeof buf - 1 - k) len = sizeof buf - 1 - k;
    memcpy(buf + k, p, len);
    k += len;
  }
  if (buf[k - 1] != '\n') buf[k - 1] = '\n';
  esc__prim_write(2, buf, k);
  if (esc_error_handler) esc_error_handler(err, esc_error_arg);
}

void esc__error(int err, const char *msg) { esc__error_parts(err, &msg, 1); }

void esc__assert_fail(const char *cond, const char *file, int line) {
  char num[24];
  esc__fmt_u64(num, (uint64_t)line, 10);
  esc__prim_write(2, "escape-rt: assertion failed: ", 29);
  esc__prim_write(2, cond, strlen(cond));
  esc__prim_write(2, " at ", 4);
  esc__prim_write(2, file, strlen(file));
  esc__prim_write(2, ":", 1);
  esc__prim_write(2, num, strlen(num));
  esc__prim_write(2, "\n", 1);
  esc__error(EFAULT, "internal invariant broken");
}

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(register_error);
