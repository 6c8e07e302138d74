//===- json.c - transformation benchmark: a JSON parser ----------------------===//
//
// Part of escape.  Generates a JSON document of records, then parses it with
// a recursive-descent parser that decodes every string into per-token
// scratch, copies every number into a scratch buffer for strtoll, keeps a
// per-object table of key hashes to detect duplicates, and checks each
// record's schema with a per-call list.  The document itself and the
// interned key table escape; the scratch does not.
// Usage: json [records=60000] [passes=3]; prints a deterministic summary.
//
//===----------------------------------------------------------------------===//
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct doc_s {
  char *text;
  size_t len, cap;
} doc_t;

typedef struct stats_s {
  uint64_t hash;
  long strings, numbers, objects, arrays, dup_keys, max_depth;
  long long sum;
} stats_t;

typedef struct parser_s {
  const char *s;
  size_t pos, len;
  int depth;
  stats_t *st;
} parser_t;

// Interned keys live for the whole run: they escape into this table.
static char **interned;
static size_t n_interned, cap_interned;

static void doc_put(doc_t *d, const char *s, size_t n) {
  if (d->len + n + 1 > d->cap) {
    while (d->len + n + 1 > d->cap) d->cap = d->cap ? d->cap * 2 : 4096;
    d->text = realloc(d->text, d->cap);
    if (!d->text) exit(1);
  }
  memcpy(d->text + d->len, s, n);
  d->len += n;
  d->text[d->len] = '\0';
}

static void doc_puts(doc_t *d, const char *s) { doc_put(d, s, strlen(s)); }

static void doc_record(doc_t *d, long i) {
  char line[512];
  int n = snprintf(line, sizeof line,
                   "{\"id\":%ld,\"name\":\"user \\\"%ld\\\"\",\"email\":\"u%ld@example.org\","
                   "\"score\":%ld,\"tags\":[\"t%ld\",\"t%ld\",\"tab\\tsep\"],"
                   "\"addr\":{\"city\":\"c%ld\",\"zip\":\"%05ld\",\"geo\":[%ld,-%ld]}",
                   i, i, i, (i * 7919) % 100000, i % 13, i % 7, i % 101, i % 99991,
                   i % 180, i % 90);
  doc_put(d, line, (size_t)n);
  if (i % 10 == 0) doc_puts(d, ",\"id\":0");  // a duplicate key now and then
  doc_puts(d, i % 3 ? ",\"active\":true}" : ",\"active\":false,\"note\":null}");
}

static doc_t doc_generate(long records) {
  doc_t d = {0};
  doc_puts(&d, "[");
  for (long i = 0; i < records; i++) {
    if (i) doc_puts(&d, ",\n");
    doc_record(&d, i);
  }
  doc_puts(&d, "]");
  return d;
}

static uint64_t fnv(const char *s, size_t n, uint64_t h) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h;
}

static void skip_ws(parser_t *p) {
  while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\n' ||
                             p->s[p->pos] == '\t' || p->s[p->pos] == '\r'))
    p->pos++;
}

// parse_string decodes the string at p->pos into scratch and returns its
// hash; *out_len gets the decoded length.
static uint64_t parse_string(parser_t *p, size_t *out_len) {
  size_t start = ++p->pos, end = start;
  while (end < p->len && p->s[end] != '"') end += p->s[end] == '\\' ? 2 : 1;
  char *buf = malloc(end - start + 1);
  size_t n = 0;
  for (size_t i = start; i < end; i++) {
    char c = p->s[i];
    if (c == '\\') {
      c = p->s[++i];
      c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
    }
    buf[n++] = c;
  }
  buf[n] = '\0';
  uint64_t h = fnv(buf, n, 14695981039346656037ULL);
  free(buf);
  p->pos = end + 1;
  p->st->strings++;
  *out_len = n;
  return h;
}

static long long parse_number(parser_t *p) {
  size_t start = p->pos;
  while (p->pos < p->len && strchr("+-0123456789.eE", p->s[p->pos])) p->pos++;
  size_t n = p->pos - start;
  char *tmp = malloc(n + 1);
  memcpy(tmp, p->s + start, n);
  tmp[n] = '\0';
  long long v = strtoll(tmp, NULL, 10);
  free(tmp);
  p->st->numbers++;
  return v;
}

static void intern_key(uint64_t h) {
  if (h % 64 != 0) return;  // keep a sample of keys, as a symbol table would
  if (n_interned == cap_interned) {
    cap_interned = cap_interned ? cap_interned * 2 : 64;
    interned = realloc(interned, cap_interned * sizeof *interned);
    if (!interned) exit(1);
  }
  char *k = malloc(24);
  snprintf(k, 24, "%016llx", (unsigned long long)h);
  interned[n_interned++] = k;
}

static void parse_value(parser_t *p);

// parse_object checks the keys of one object for duplicates with a
// per-object table, then parses each value.
static void parse_object(parser_t *p) {
  size_t cap = 32, n = 0;
  uint64_t *keys = malloc(cap * sizeof *keys);
  p->pos++;
  p->st->objects++;
  skip_ws(p);
  while (p->pos < p->len && p->s[p->pos] != '}') {
    size_t klen;
    uint64_t k = parse_string(p, &klen);
    for (size_t i = 0; i < n; i++)
      if (keys[i] == k) p->st->dup_keys++;
    if (n < cap) keys[n++] = k;
    p->st->hash = fnv((const char *)&k, sizeof k, p->st->hash);
    if (p->depth == 2) intern_key(k ^ (uint64_t)p->st->objects);
    skip_ws(p);
    p->pos++;  // ':'
    skip_ws(p);
    parse_value(p);
    skip_ws(p);
    if (p->s[p->pos] == ',') p->pos++;
    skip_ws(p);
  }
  p->pos++;
  free(keys);
}

static void parse_array(parser_t *p) {
  p->pos++;
  p->st->arrays++;
  skip_ws(p);
  while (p->pos < p->len && p->s[p->pos] != ']') {
    parse_value(p);
    skip_ws(p);
    if (p->s[p->pos] == ',') p->pos++;
    skip_ws(p);
  }
  p->pos++;
}

static void parse_value(parser_t *p) {
  if (++p->depth > p->st->max_depth) p->st->max_depth = p->depth;
  char c = p->s[p->pos];
  size_t n;
  if (c == '{') parse_object(p);
  else if (c == '[') parse_array(p);
  else if (c == '"') p->st->hash ^= parse_string(p, &n) + n;
  else if (c == 't') p->pos += 4, p->st->sum += 1;
  else if (c == 'f') p->pos += 5;
  else if (c == 'n') p->pos += 4;
  else p->st->sum += parse_number(p);
  p->depth--;
}

int main(int argc, char **argv) {
  long records = argc > 1 ? atol(argv[1]) : 60000;
  long passes = argc > 2 ? atol(argv[2]) : 3;
  doc_t d = doc_generate(records);
  stats_t st = {14695981039346656037ULL, 0, 0, 0, 0, 0, 0, 0};
  for (long i = 0; i < passes; i++) {
    parser_t p = {d.text, 0, d.len, 0, &st};
    skip_ws(&p);
    parse_value(&p);
  }
  printf("json bytes=%zu strings=%ld numbers=%ld objects=%ld arrays=%ld dup_keys=%ld "
         "depth=%ld sum=%lld interned=%zu hash=%016llx\n",
         d.len, st.strings, st.numbers, st.objects, st.arrays, st.dup_keys,
         st.max_depth, st.sum, n_interned, (unsigned long long)st.hash);
  for (size_t i = 0; i < n_interned; i++) free(interned[i]);
  free(interned);
  free(d.text);
  return 0;
}
