//===- locate.c - Find clang, the plugin and the runtime ------------------===//
//
// This file implements the lookups relative to escape-cc's own location, so
// that the build tree (bin/ next to lib/) and an installed tree
// (bin/ next to lib/escape/ or <libdir>/escape/) both work unchanged.
//
//===----------------------------------------------------------------------===//
#include "driver.h"
#include "escape-cc-config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int escc_self_dir(char *buf, size_t size) {
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n < 0)
    return errno;
  if ((size_t)n >= sizeof path - 1)
    return ENAMETOOLONG;
  path[n] = '\0';
  char *slash = strrchr(path, '/');
  if (!slash)
    return ENOENT;
  *slash = '\0';
  if ((size_t)(slash - path) + 1 > size)
    return ENAMETOOLONG;
  memcpy(buf, path, (size_t)(slash - path) + 1);
  return 0;
}

int escc_find_lib(char *buf, size_t size, const char *bindir,
                  const char *name) {
  static const char *const dirs[] = {
      ("../" ESCAPE_CC_INSTALL_LIBDIR "/escape"),
      ("../" ESCAPE_CC_INSTALL_LIBDIR), "../lib/escape", "../lib"};
  for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s/%s", bindir, dirs[i], name);
    if (n < 0 || (size_t)n >= sizeof path)
      return ENAMETOOLONG;
    if (access(path, R_OK) != 0)
      continue;
    char *real = realpath(path, NULL);
    const char *found = real ? real : path;
    if (strlen(found) + 1 > size) {
      free(real);
      return ENAMETOOLONG;
    }
    memcpy(buf, found, strlen(found) + 1);
    free(real);
    return 0;
  }
  return ENOENT;
}

bool escc_cxx;

const char *escc_clang_path(void) {
  const char *env = getenv(escc_cxx ? "ESCAPE_CC_CLANGXX" : "ESCAPE_CC_CLANG");
  if (env && *env)
    return env;
  return escc_cxx ? ESCAPE_CC_CLANGXX_DEFAULT : ESCAPE_CC_CLANG_DEFAULT;
}

const char *escc_clang_argv0(const char *path) {
  if (strcmp(path, ESCAPE_CC_CLANG_DEFAULT) == 0)
    return ESCAPE_CC_CLANG_NAME;
  return strcmp(path, ESCAPE_CC_CLANGXX_DEFAULT) == 0 ? ESCAPE_CC_CLANGXX_NAME : path;
}

void escc_set_mode(const char *argv0) {
  const char *base = strrchr(argv0, '/');
  base = base ? base + 1 : argv0;
  escc_cxx = strcmp(base, "escape-c++") == 0 || strcmp(base, "escape-cxx") == 0 ||
             strcmp(base, "escape-clang++") == 0;
}
