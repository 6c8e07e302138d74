// The other file of test/rewriter/library-name-own-function-differential.c:
// the program's own basename (a name the C standard does not reserve),
// which keeps the last path it was given.
#include <string.h>

static char *saved;

char *basename(char *path) {
  char *s = strrchr(path, '/');
  return saved = s ? s + 1 : path;
}

const char *last_base(void) { return saved; }
