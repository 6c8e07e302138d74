// where.c - a preloaded library that names the file it was loaded from on
// stderr at load time (test/runtime/bench-harness.sh).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

__attribute__((constructor)) static void where_report(void) {
  Dl_info info;
  if (dladdr((void *)where_report, &info) && info.dli_fname)
    fprintf(stderr, "loaded from %s\n", info.dli_fname);
}
