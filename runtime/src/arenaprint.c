//===- arenaprint.c - asprintf into the frame arena -----------------------===//
//
// Part of escape.  esc_frame_asprintf and esc_frame_vasprintf, which the
// compiler calls for an asprintf or vasprintf whose block does not escape
// (escape.h).  Printing is no hot path: built for size, apart from the
// arena's own code.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

// What asprintf prints goes to a buffer on the stack first: when it fits,
// the block is taken at its exact size and the text copied, so a short
// string is printed once, as glibc's vasprintf does; a longer one is
// printed again into its block.  A format with a %n conversion, which
// stores through its argument as it prints (into the format itself, it
// may be), is printed once by the C library's vasprintf, into a heap
// block esc_frame_free hands back (test-arena.c).  The compiler makes no
// arena asprintf in a file that hooks printf conversions.
#define ESC_FRAME_PRINT_BUF 256

// esc_frame_format_stores reports whether a printf format has a %n
// conversion.
static int esc_frame_format_stores(const char *f) {
  for (; (f = strchr(f, '%')) != NULL; f++) {
    f++;
    while (*f && strchr("-+ #0'I*$.123456789hlLqjztZ", *f)) f++;
    if (*f == 'n') return 1;
    if (!*f) return 0;
  }
  return 0;
}

int esc_frame_vasprintf(char **out, const char *format, va_list ap) {
  if (esc_frame_format_stores(format)) return vasprintf(out, format, ap);
  char buf[ESC_FRAME_PRINT_BUF];
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(buf, sizeof buf, format, ap);
  char *p = n < 0 ? NULL : esc_frame_alloc((size_t)n + 1);
  if (p) {
    if ((size_t)n < sizeof buf)
      memcpy(p, buf, (size_t)n + 1);
    else
      vsnprintf(p, (size_t)n + 1, format, again);
    *out = p;
  } else if (n >= 0) {
    n = -1; // esc_frame_alloc set errno
  }
  va_end(again);
  return n;
}

int esc_frame_asprintf(char **out, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int n = esc_frame_vasprintf(out, format, ap);
  va_end(ap);
  return n;
}
