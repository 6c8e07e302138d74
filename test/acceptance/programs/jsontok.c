// A tiny JSON tokenizer with a local token array (malloc'd, grown by
// realloc), a walker that sums numbers found through strtol/strtod end
// pointers into a malloc'd copy of the text, and an INI reader whose
// section/key/value strings go into a table main owns.
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COLON, T_COMMA, T_STR, T_NUM, T_LIT };
struct tok { enum kind k; int start, end; };

static int tokenize(const char *s, struct tok **out) {
  int cap = 8, n = 0;
  struct tok *t = malloc(sizeof *t * (size_t)cap);  // keep: handed out through *out
  for (int i = 0; s[i];) {
    if (isspace((unsigned char)s[i])) { i++; continue; }
    if (n == cap) {
      cap *= 2;
      struct tok *g = realloc(t, sizeof *t * (size_t)cap);  // keep: handed out through *out
      if (!g) { free(t); return -1; }
      t = g;
    }
    struct tok *k = &t[n++];
    k->start = i;
    switch (s[i]) {
    case '{': k->k = T_LBRACE; i++; break;
    case '}': k->k = T_RBRACE; i++; break;
    case '[': k->k = T_LBRACK; i++; break;
    case ']': k->k = T_RBRACK; i++; break;
    case ':': k->k = T_COLON; i++; break;
    case ',': k->k = T_COMMA; i++; break;
    case '"':
      k->k = T_STR;
      for (i++; s[i] && s[i] != '"'; i++) if (s[i] == '\\' && s[i + 1]) i++;
      if (s[i]) i++;
      break;
    default:
      k->k = (s[i] == '-' || isdigit((unsigned char)s[i])) ? T_NUM : T_LIT;
      while (s[i] && !strchr("{}[]:, \t\n", s[i])) i++;
    }
    k->end = i;
  }
  *out = t;
  return n;
}

/* Sums every number token; integers through strtol, others through strtod. */
static double sum_numbers(const char *json, int *nints, int *nreals) {
  struct tok *t;
  int n = tokenize(json, &t);
  if (n < 0) return 0;
  char *text = strdup(json);
  double sum = 0;
  *nints = *nreals = 0;
  for (int i = 0; i < n; i++) {
    if (t[i].k != T_NUM) continue;
    char *p = text + t[i].start, *end;
    long v = strtol(p, &end, 10);
    if (end == text + t[i].end) { sum += (double)v; ++*nints; continue; }
    double d = strtod(p, &end);
    if (end == text + t[i].end) { sum += d; ++*nreals; }
  }
  free(text);
  free(t);
  return sum;
}

static int max_depth(const char *json) {
  struct tok *t;
  int n = tokenize(json, &t), d = 0, m = 0;
  int *kinds = calloc((size_t)n + 1, sizeof *kinds);
  for (int i = 0; i < n; i++) {
    kinds[i] = t[i].k;
    if (t[i].k == T_LBRACE || t[i].k == T_LBRACK) { if (++d > m) m = d; }
    else if (t[i].k == T_RBRACE || t[i].k == T_RBRACK) d--;
  }
  int strs = 0;
  for (int i = 0; i < n; i++) strs += kinds[i] == T_STR;
  free(kinds);
  free(t);
  return m * 100 + strs;
}

struct entry { char *section, *key, *value; };

static int ini_read(const char *text, struct entry *tab, int max) {
  char *buf = strdup(text);
  char *section = strdup("");
  int n = 0;
  for (char *line = buf, *next; line && n < max; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    while (isspace((unsigned char)*line)) line++;
    if (*line == ';' || *line == '\0') continue;
    if (*line == '[') {
      char *close = strchr(line, ']');
      if (close) *close = '\0';
      free(section);
      section = strdup(line + 1);
      continue;
    }
    char *eq = strchr(line, '=');
    if (!eq) continue;
    *eq = '\0';
    char *v = eq + 1;
    while (isspace((unsigned char)*v)) v++;
    char *ke = eq;
    while (ke > line && isspace((unsigned char)ke[-1])) *--ke = '\0';
    tab[n].section = strdup(section);  // keep: stored in the caller's table
    tab[n].key = strdup(line);         // keep: stored in the caller's table
    tab[n].value = strdup(v);          // keep: stored in the caller's table
    n++;
  }
  free(section);
  free(buf);
  return n;
}

int main(void) {
  const char *docs[] = {
    "{\"a\": 1, \"b\": [2, 3.5, -4], \"c\": {\"d\": 1e3, \"e\": \"x\\\"y\"}}",
    "[[[[1]]], [2, [3, [4.25]]], true, null]",
    "{\"list\": [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 0.5]}",
  };
  for (int i = 0; i < 3; i++) {
    int ni, nr;
    double s = sum_numbers(docs[i], &ni, &nr);
    printf("doc %d: sum %.3f ints %d reals %d depth/strs %d\n", i, s, ni, nr, max_depth(docs[i]));
  }
  double total = 0;
  for (int i = 0; i < 5000; i++) {
    int ni, nr;
    total += sum_numbers(docs[i % 3], &ni, &nr);
  }
  printf("total %.2f\n", total);
  struct entry tab[16];
  int n = ini_read("; config\n[server]\nhost = example.org\nport=8080\n\n[client]\n  retries = 3\nname= probe \n", tab, 16);
  for (int i = 0; i < n; i++) {
    printf("%s.%s=[%s]\n", tab[i].section, tab[i].key, tab[i].value);
    free(tab[i].section);
    free(tab[i].key);
    free(tab[i].value);
  }
  return 0;
}
