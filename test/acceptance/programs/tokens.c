// A tokenizer: a token array grown with realloc and returned to the caller,
// per-token temporary strings, a keyword lookup with bsearch.
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { IDENT, NUMBER, KEYWORD, PUNCT };
struct token { enum kind kind; char text[24]; };
struct tokens { struct token *v; size_t n, cap; };

static const char *const keywords[] = {"else", "for", "if", "int", "return", "while"};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_keyword(const char *s, size_t n) {
  char *w = strndup(s, n);
  int r = bsearch(&w, keywords, sizeof keywords / sizeof *keywords, sizeof *keywords,
                  cmp_str) != NULL;
  free(w);
  return r;
}

static int push(struct tokens *t, enum kind k, const char *s, size_t n) {
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 4;
    struct token *v = realloc(t->v, cap * sizeof *v);  // keep: stored in a returned struct
    if (!v) return -1;
    t->v = v;
    t->cap = cap;
  }
  struct token *tok = &t->v[t->n++];
  tok->kind = k;
  snprintf(tok->text, sizeof tok->text, "%.*s", (int)n, s);
  return 0;
}

static struct tokens *lex(const char *src) {
  struct tokens *t = calloc(1, sizeof *t);  // keep: returned
  const char *p = src;
  while (*p) {
    if (isspace((unsigned char)*p)) { p++; continue; }
    const char *start = p;
    if (isalpha((unsigned char)*p)) {
      while (isalnum((unsigned char)*p)) p++;
      push(t, is_keyword(start, (size_t)(p - start)) ? KEYWORD : IDENT, start, (size_t)(p - start));
    } else if (isdigit((unsigned char)*p)) {
      while (isdigit((unsigned char)*p)) p++;
      push(t, NUMBER, start, (size_t)(p - start));
    } else {
      push(t, PUNCT, p++, 1);
    }
  }
  return t;
}

static long sum_numbers(const struct tokens *t) {
  long s = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (t->v[i].kind != NUMBER) continue;
    char *copy = strdup(t->v[i].text);
    s += strtol(copy, NULL, 10);
    free(copy);
  }
  return s;
}

static char *describe(const struct tokens *t) {
  size_t cap = 16, len = 0;
  char *out = malloc(cap);  // keep: returned
  out[0] = '\0';
  static const char code[] = "INKP";
  for (size_t i = 0; i < t->n; i++) {
    if (len + 2 > cap) { cap *= 2; out = realloc(out, cap); }  // keep: returned
    out[len++] = code[t->v[i].kind];
    out[len] = '\0';
  }
  return out;
}

int main(void) {
  const char *src = "int main() { int x = 42; for (i = 0; i < 10; i++) x += i * 3; "
                    "if (x > 100) return x; else while (x) x -= 7; return 0; }";
  struct tokens *t = lex(src);
  printf("tokens %zu\n", t->n);
  printf("numbers %ld\n", sum_numbers(t));
  char *d = describe(t);
  printf("shape %s\n", d);
  free(d);
  int kw = 0;
  for (size_t i = 0; i < t->n; i++) kw += t->v[i].kind == KEYWORD;
  printf("keywords %d\n", kw);
  free(t->v);
  free(t);
  return 0;
}
