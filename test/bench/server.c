//===- server.c - transformation benchmark: per-request scratch -------------===//
//
// Part of escape.  A fake HTTP server loop replaying a log of 4096 requests:
// each request is copied into a request buffer, parsed into a header table,
// its query parameters are decoded into per-parameter strings, and it is
// answered into response scratch buffers that are checksummed instead of
// sent.  Sessions and a small response cache live across requests (they
// escape); everything else is per-request scratch.
// Usage: server [requests=500000]; prints a deterministic summary.
//
//===----------------------------------------------------------------------===//
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_HEADERS = 32, SESSIONS = 1024, CACHE = 64 };

typedef struct header_s {
  const char *name, *value;
  size_t name_len, value_len;
} header_t;

typedef struct request_s {
  char method[8];
  const char *path;
  size_t path_len;
  header_t *headers;
  size_t n_headers;
} request_t;

typedef struct session_s {
  char *user;  // owned, escapes into the session table
  long hits;
} session_t;

typedef struct cache_entry_s {
  char *path;
  char *body;
  size_t body_len;
} cache_entry_t;

static session_t sessions[SESSIONS];
static cache_entry_t cache[CACHE];
static long cache_hits, cache_fills;

static uint64_t fnv(const char *s, size_t n, uint64_t h) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h;
}

static size_t make_request(char *buf, size_t cap, long i) {
  static const char *const paths[] = {"/", "/index.html", "/api/users", "/api/orders",
                                      "/static/app.js", "/login", "/search"};
  int n = snprintf(buf, cap,
                   "%s %s?id=%ld&page=%ld&q=caf%%C3%%A9+au+lait&sort=-date HTTP/1.1\r\n"
                   "Host: example.org\r\nUser-Agent: bench/%ld\r\nAccept: */*\r\n"
                   "Cookie: session=user%ld\r\nX-Request-Id: %08lx\r\n%s\r\n",
                   i % 5 ? "GET" : "POST", paths[i % 7], i % 1000, i % 17, i % 3, i % 1500,
                   (unsigned long)i * 2654435761UL % 0xffffffffUL,
                   i % 4 ? "" : "Content-Type: application/json\r\n");
  return (size_t)n;
}

// The request log the server replays: generated once, it lives for the
// whole run.
typedef struct log_s {
  char **raw;
  size_t *len;
  long n;
} log_t;

static log_t log_make(long n) {
  log_t l = {malloc((size_t)n * sizeof(char *)), malloc((size_t)n * sizeof(size_t)), n};
  char buf[1024];
  for (long i = 0; i < n; i++) {
    l.len[i] = make_request(buf, sizeof buf, i);
    l.raw[i] = malloc(l.len[i] + 1);
    memcpy(l.raw[i], buf, l.len[i] + 1);
  }
  return l;
}

// parse_request splits the request line and headers of buf in place.
static int parse_request(char *buf, request_t *req) {
  char *sp = strchr(buf, ' ');
  if (!sp || sp - buf >= (long)sizeof req->method) return -1;
  memcpy(req->method, buf, (size_t)(sp - buf));
  req->method[sp - buf] = '\0';
  req->path = sp + 1;
  char *q = strpbrk(sp + 1, "? ");
  req->path_len = (size_t)(q - req->path);
  char *line = strstr(sp, "\r\n") + 2;
  req->n_headers = 0;
  while (line[0] != '\r' && req->n_headers < MAX_HEADERS) {
    char *colon = strchr(line, ':');
    char *eol = strstr(line, "\r\n");
    header_t *h = &req->headers[req->n_headers++];
    h->name = line;
    h->name_len = (size_t)(colon - line);
    h->value = colon + 2;
    h->value_len = (size_t)(eol - colon - 2);
    line = eol + 2;
  }
  return 0;
}

static const header_t *find_header(const request_t *req, const char *name) {
  size_t n = strlen(name);
  for (size_t i = 0; i < req->n_headers; i++)
    if (req->headers[i].name_len == n && strncasecmp(req->headers[i].name, name, n) == 0)
      return &req->headers[i];
  return NULL;
}

static void touch_session(const header_t *cookie) {
  if (!cookie) return;
  uint64_t h = fnv(cookie->value, cookie->value_len, 14695981039346656037ULL);
  session_t *s = &sessions[h % SESSIONS];
  if (!s->user) s->user = strndup(cookie->value, cookie->value_len);
  s->hits++;
}

static int hexval(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c - 'a' + 10;
}

// url_decode writes the decoded form of s[0..n) to dst (room for n + 1).
static size_t url_decode(char *dst, const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '%' && i + 2 < n) {
      dst[k++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    } else {
      dst[k++] = s[i] == '+' ? ' ' : s[i];
    }
  }
  dst[k] = '\0';
  return k;
}

// query_hash decodes every name=value pair of the query string into its
// own strings and returns a hash of the decoded pairs.
static uint64_t query_hash(const char *q, size_t n) {
  uint64_t h = 14695981039346656037ULL;
  size_t i = 0;
  while (i < n) {
    size_t end = i;
    while (end < n && q[end] != '&') end++;
    const char *eq = memchr(q + i, '=', end - i);
    size_t klen = eq ? (size_t)(eq - (q + i)) : end - i;
    char *key = malloc(klen + 1);
    size_t kd = url_decode(key, q + i, klen);
    char *value = eq ? malloc(end - i - klen) : NULL;
    size_t vd = value ? url_decode(value, eq + 1, end - i - klen - 1) : 0;
    h = fnv(key, kd, h);
    if (value) h = fnv(value, vd, h);
    free(value);
    free(key);
    i = end + 1;
  }
  return h;
}

typedef struct out_s {
  char *p;
  size_t n, cap;
} out_t;

static void out_put(out_t *o, const char *s, size_t n) {
  if (n > o->cap - o->n) n = o->cap - o->n;
  memcpy(o->p + o->n, s, n);
  o->n += n;
}

static void out_str(out_t *o, const char *s) { out_put(o, s, strlen(s)); }

static void out_num(out_t *o, unsigned long v) {
  char digits[24];
  size_t k = sizeof digits;
  do digits[--k] = (char)('0' + v % 10); while ((v /= 10) != 0);
  out_put(o, digits + k, sizeof digits - k);
}

// respond writes the response body for req into a new scratch buffer, using
// and filling the cache for static paths, then the response head into a
// second one, and returns the hash of both.
static uint64_t respond(const request_t *req, long i) {
  out_t body = {malloc(2048), 0, 2048};
  const char *path = req->path;
  size_t plen = req->path_len;
  cache_entry_t *c = &cache[fnv(path, plen, 0) % CACHE];
  if (c->path && strlen(c->path) == plen && memcmp(c->path, path, plen) == 0) {
    out_put(&body, c->body, c->body_len);
    cache_hits++;
  } else {
    out_str(&body, "<html><body><h1>");
    out_put(&body, path, plen);
    out_str(&body, "</h1><p>method ");
    out_str(&body, req->method);
    out_str(&body, ", ");
    out_num(&body, req->n_headers);
    out_str(&body, " headers</p>");
    if (plen > 1 && strncmp(path, "/static", 7) == 0) {
      free(c->path);
      free(c->body);
      c->path = strndup(path, plen);
      c->body = malloc(body.n);
      memcpy(c->body, body.p, body.n);
      c->body_len = body.n;
      cache_fills++;
    }
  }
  out_t head = {malloc(256), 0, 256};
  out_str(&head, "HTTP/1.1 200 OK\r\nContent-Length: ");
  out_num(&head, body.n);
  out_str(&head, "\r\nX-Seq: ");
  out_num(&head, (unsigned long)i);
  out_str(&head, "\r\n\r\n");
  uint64_t h = fnv(head.p, head.n, 14695981039346656037ULL);
  h = fnv(body.p, body.n, h);
  free(head.p);
  free(body.p);
  return h;
}

static uint64_t handle(const char *raw, size_t len, long i) {
  char *buf = malloc(len + 1);
  memcpy(buf, raw, len + 1);
  header_t *headers = malloc(MAX_HEADERS * sizeof *headers);
  request_t req = {{0}, NULL, 0, headers, 0};
  uint64_t h = 0;
  if (parse_request(buf, &req) == 0) {
    touch_session(find_header(&req, "cookie"));
    const char *q = req.path + req.path_len;
    if (*q == '?') h = query_hash(q + 1, strcspn(q + 1, " "));
    h ^= respond(&req, i);
  }
  free(headers);
  free(buf);
  return h;
}

int main(int argc, char **argv) {
  long requests = argc > 1 ? atol(argv[1]) : 500000;
  log_t log = log_make(4096);
  uint64_t h = 0;
  for (long i = 0; i < requests; i++) {
    long k = i % log.n;
    h = h * 31 + handle(log.raw[k], log.len[k], i);
  }
  long users = 0, hits = 0;
  for (int s = 0; s < SESSIONS; s++) {
    if (sessions[s].user) users++;
    hits += sessions[s].hits;
    free(sessions[s].user);
  }
  for (int c = 0; c < CACHE; c++) {
    free(cache[c].path);
    free(cache[c].body);
  }
  for (long k = 0; k < log.n; k++) free(log.raw[k]);
  free(log.raw);
  free(log.len);
  printf("server requests=%ld users=%ld hits=%ld cache_hits=%ld cache_fills=%ld hash=%016llx\n",
         requests, users, hits, cache_hits, cache_fills, (unsigned long long)h);
  return 0;
}
