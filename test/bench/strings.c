//===- strings.c - transformation benchmark: string processing --------------===//
//
// Part of escape.  Processes CSV-like log lines: splits each into fields
// (a per-line field array), normalises fields into temporaries (trim,
// lowercase, strdup/strndup copies), joins them back with a separator into a
// scratch buffer, and counts words in a table whose entries escape.
// Usage: strings [lines=300000]; prints a deterministic summary.
//
//===----------------------------------------------------------------------===//
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TABLE = 4096 };

typedef struct word_s {
  struct word_s *next;
  char *text;  // owned, escapes into the table
  long count;
} word_t;

static word_t *table[TABLE];
static long distinct;

static uint64_t fnv(const char *s, size_t n) {
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h;
}

static void count_word(const char *w, size_t n) {
  uint64_t h = fnv(w, n);
  word_t **slot = &table[h % TABLE];
  for (word_t *e = *slot; e; e = e->next)
    if (strlen(e->text) == n && memcmp(e->text, w, n) == 0) {
      e->count++;
      return;
    }
  word_t *e = malloc(sizeof *e);
  e->text = strndup(w, n);
  e->count = 1;
  e->next = *slot;
  *slot = e;
  distinct++;
}

static const char *const verbs[] = {"GET", "PUT", "POST", "DELETE", "HEAD"};
static const char *const users[] = {"  Alice ", "bob", " CAROL", "dave  ", "Eve"};

static int make_line(char *buf, size_t cap, long i) {
  return snprintf(buf, cap, "%ld,%s,%s,/api/v%ld/items/%ld,%ld,  Status %s  ,note %ld of %ld",
                  1700000000 + i, verbs[i % 5], users[(i / 3) % 5], i % 3 + 1, i % 977,
                  (i * 31) % 5000, i % 11 ? "OK" : "Server Error", i % 17, i % 23);
}

// split_fields records where each comma-separated field starts and ends.
static size_t split_fields(const char *line, size_t *start, size_t *end, size_t max) {
  size_t n = 0, s = 0, i = 0;
  for (;; i++) {
    if (line[i] == ',' || line[i] == '\0') {
      if (n < max) {
        start[n] = s;
        end[n] = i;
        n++;
      }
      if (line[i] == '\0') break;
      s = i + 1;
    }
  }
  return n;
}

// normalise writes the trimmed, lowercased field src[0..n) to dst, which
// has room for n + 1 bytes.
static void normalise(char *dst, const char *src, size_t n) {
  size_t a = 0, b = n;
  while (a < b && isspace((unsigned char)src[a])) a++;
  while (b > a && isspace((unsigned char)src[b - 1])) b--;
  for (size_t i = a; i < b; i++) *dst++ = (char)tolower((unsigned char)src[i]);
  *dst = '\0';
}

static uint64_t process_line(const char *line, long *bytes) {
  size_t len = strlen(line);
  size_t *start = malloc(16 * sizeof *start);
  size_t *end = malloc(16 * sizeof *end);
  size_t nf = split_fields(line, start, end, 16);
  char **fields = malloc(nf * sizeof *fields);
  size_t total = 0;
  for (size_t f = 0; f < nf; f++) {
    char *raw = strndup(line + start[f], end[f] - start[f]);
    char *norm = malloc(end[f] - start[f] + 1);
    normalise(norm, raw, strlen(raw));
    free(raw);
    fields[f] = norm;
    total += strlen(norm) + 1;
  }
  // Join with '|' and hash the joined record.
  char *joined = malloc(total + 1);
  size_t at = 0;
  for (size_t f = 0; f < nf; f++) {
    size_t n = strlen(fields[f]);
    memcpy(joined + at, fields[f], n);
    at += n;
    joined[at++] = '|';
  }
  joined[at] = '\0';
  uint64_t h = fnv(joined, at);
  // Count the words of the path and the status fields.
  for (size_t f = 3; f < nf && f < 6; f += 2) {
    char *copy = strdup(fields[f]);
    char *w = copy;
    for (char *c = copy;; c++) {
      if (*c == '/' || *c == ' ' || *c == '\0') {
        if (c > w) count_word(w, (size_t)(c - w));
        if (*c == '\0') break;
        w = c + 1;
      }
    }
    free(copy);
  }
  for (size_t f = 0; f < nf; f++) free(fields[f]);
  free(fields);
  free(joined);
  free(end);
  free(start);
  *bytes += (long)len;
  return h;
}

int main(int argc, char **argv) {
  long lines = argc > 1 ? atol(argv[1]) : 300000;
  uint64_t h = 0;
  long bytes = 0;
  char line[256];
  for (long i = 0; i < lines; i++) {
    make_line(line, sizeof line, i);
    h = h * 31 + process_line(line, &bytes);
  }
  long top = 0;
  const char *top_word = "";
  for (int b = 0; b < TABLE; b++)
    for (word_t *e = table[b]; e; e = e->next)
      if (e->count > top || (e->count == top && strcmp(e->text, top_word) < 0)) {
        top = e->count;
        top_word = e->text;
      }
  printf("strings lines=%ld bytes=%ld distinct=%ld top=%s:%ld hash=%016llx\n", lines,
         bytes, distinct, top_word, top, (unsigned long long)h);
  for (int b = 0; b < TABLE; b++)
    for (word_t *e = table[b], *next; e; e = next) {
      next = e->next;
      free(e->text);
      free(e);
    }
  return 0;
}
