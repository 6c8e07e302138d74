//===- argv.c - Growable argument vectors and word splitting --------------===//
//
// This file implements escc_argv_t and the shell-like word splitter used for
// ESCAPE_CC_ARGS and response files.
//
//===----------------------------------------------------------------------===//
#include "driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int escc_argv_push(escc_argv_t *v, const char *arg) {
  if (v->count + 2 > v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 16;
    char **items = realloc(v->items, cap * sizeof *items);
    if (!items)
      return ENOMEM;
    v->items = items;
    v->cap = cap;
  }
  v->items[v->count++] = (char *)arg;
  v->items[v->count] = NULL;
  return 0;
}

int escc_argv_push_all(escc_argv_t *v, char *const *args, size_t n) {
  for (size_t i = 0; i < n; i++) {
    int err = escc_argv_push(v, args[i]);
    if (err)
      return err;
  }
  return 0;
}

void escc_argv_free(escc_argv_t *v) {
  free(v->items);
  v->items = NULL;
  v->count = v->cap = 0;
}

static int escc_is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

/// Copies one word starting at \p s into \p word (sized strlen(s)+1) and
/// returns the position after it, or NULL on an unterminated quote.
static const char *escc_scan_word(const char *s, char *word) {
  char quote = 0;
  size_t n = 0;
  for (; *s; s++) {
    if (quote) {
      if (*s == quote)
        quote = 0;
      else if (*s == '\\' && quote == '"' && s[1])
        word[n++] = *++s;
      else
        word[n++] = *s;
    } else if (escc_is_blank(*s)) {
      break;
    } else if (*s == '\'' || *s == '"') {
      quote = *s;
    } else if (*s == '\\' && s[1]) {
      word[n++] = *++s;
    } else {
      word[n++] = *s;
    }
  }
  word[n] = '\0';
  return quote ? NULL : s;
}

int escc_split_words(escc_argv_t *v, const char *text) {
  const char *s = text;
  for (;;) {
    while (escc_is_blank(*s))
      s++;
    if (!*s)
      return 0;
    char *word = malloc(strlen(s) + 1);
    if (!word)
      return ENOMEM;
    const char *end = escc_scan_word(s, word);
    if (!end) {
      free(word);
      return EINVAL;
    }
    int err = escc_argv_push(v, word);
    if (err) {
      free(word);
      return err;
    }
    s = end;
  }
}
