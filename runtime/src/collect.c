//===- collect.c - releasing memory on request ----------------------------===//
//
// Part of escape.  Implements esc_collect: flush this thread's cache, return
// every central batch to its spans and hand all free pages to the OS.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

void esc_collect(void) {
  esc_thread_done();
  esc__central_drain_idle(true);
  esc__heap_scavenge(true);
}
