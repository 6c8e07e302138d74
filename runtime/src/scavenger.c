//===- scavenger.c - background release of free memory --------------------===//
//
// Part of escape.  A thread started the first time the page heap holds free,
// committed pages: every half release delay it returns idle central batches
// to their spans, asks thread caches idle for ESC_TRIM_IDLE_MS to flush at
// their next free, and hands pages free for the delay back to the OS, so RSS
// falls after a burst even when the program stops calling the allocator.
// It sleeps longer while there is nothing to release.  ESCAPE_RT_SCAVENGER=0
// disables it; frees then release on their own, late.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

// A thread cache that saw no slow path for this long is flushed at the
// thread's next free (its fast path stays untouched).
#define ESC_TRIM_IDLE_MS 100

static atomic_int esc_scavenger_state; // 0 not started, 1 starting/running
static atomic_int esc_scavenger_wanted;

static void *esc_scavenger_main(void *arg) {
  (void)arg;
  esc__tc.state = ESC_TC_DEAD; // this thread never caches objects
  uint32_t idle = 0;
  for (;;) {
    int64_t delay = esc__options.release_delay;
    uint32_t tick = delay > 20 ? (uint32_t)(delay / 2) : 10;
    esc__prim_sleep_ms(idle > 4 ? 200 : tick);
    esc__tcache_trim_idle(esc__prim_clock_ms(), ESC_TRIM_IDLE_MS);
    esc__central_drain_idle(false);
    size_t left = esc__heap_scavenge(false);
    idle = left ? 0 : idle + 1;
  }
  return NULL;
}

void esc__scavenger_want(void) {
  if (!atomic_load_explicit(&esc_scavenger_wanted, memory_order_relaxed))
    atomic_store_explicit(&esc_scavenger_wanted, 1, memory_order_relaxed);
}

void esc__scavenger_poll(void) {
  if (!atomic_load_explicit(&esc_scavenger_wanted, memory_order_relaxed)) return;
  if (!esc__options.scavenger) return;
  if (atomic_load_explicit(&esc_scavenger_state, memory_order_relaxed)) return;
  int expected = 0;
  if (!atomic_compare_exchange_strong(&esc_scavenger_state, &expected, 1)) return;
  esc__fork_handlers_need();
  if (esc__prim_thread_start(esc_scavenger_main, NULL) != 0)
    atomic_store(&esc_scavenger_state, 0);
}

void esc__scavenger_fork_child(void) { atomic_store(&esc_scavenger_state, 0); }
