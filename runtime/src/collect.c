//===- collect.c - releasing memory on request ----------------------------===//
//
// Part of escape.  Implements esc_collect: flush this thread's cache, return
// every central batch to its spans and hand all free pages to the OS.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

void esc__collect(void) {
  esc__thread_done();
  esc__central_drain_idle(true);
  esc__heap_scavenge(true);
}

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(collect);
