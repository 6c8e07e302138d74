//===- server.c - transformation benchmark: per-request scratch -------------===//
//
// Part of escape.  A fake HTTP server loop: each request is copied into a
// request buffer, parsed into a header table, routed, and answered into a
// response scratch buffer that is checksummed instead of sent.  Sessions and
// a small response cache live across requests (they escape); everything else
// is per-request scratch.
// Usage: server [requests=500000]; prints a deterministic summary.
//
//===----------------------------------------------------------------------===//
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
                   "%s %s?id=%ld&page=%ld HTTP/1.1\r\nHost: example.org\r\n"
                   "User-Agent: bench/%ld\r\nAccept: */*\r\nCookie: session=user%ld\r\n"
                   "X-Request-Id: %08lx\r\n%s\r\n",
                   i % 5 ? "GET" : "POST", paths[i % 7], i % 1000, i % 17, i % 3, i % 1500,
                   (unsigned long)i * 2654435761UL % 0xffffffffUL,
                   i % 4 ? "" : "Content-Type: application/json\r\n");
  return (size_t)n;
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
    if (req->headers[i].name_len == n && memcmp(req->headers[i].name, name, n) == 0)
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

// respond writes the response body for req into a new scratch buffer, using
// and filling the cache for static paths.
static uint64_t respond(const request_t *req, long i) {
  size_t cap = 2048;
  char *body = malloc(cap);
  int n;
  const char *path = req->path;
  size_t plen = req->path_len;
  cache_entry_t *c = &cache[fnv(path, plen, 0) % CACHE];
  if (c->path && strlen(c->path) == plen && memcmp(c->path, path, plen) == 0) {
    memcpy(body, c->body, c->body_len);
    n = (int)c->body_len;
    cache_hits++;
  } else {
    n = snprintf(body, cap, "<html><body><h1>%.*s</h1><p>method %s, %zu headers</p>",
                 (int)plen, path, req->method, req->n_headers);
    if (plen > 1 && strncmp(path, "/static", 7) == 0) {
      free(c->path);
      free(c->body);
      c->path = strndup(path, plen);
      c->body = malloc((size_t)n);
      memcpy(c->body, body, (size_t)n);
      c->body_len = (size_t)n;
      cache_fills++;
    }
  }
  // Headers of the response go to their own scratch buffer.
  char *head = malloc(256);
  int hn = snprintf(head, 256, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nX-Seq: %ld\r\n\r\n",
                    n, i);
  uint64_t h = fnv(head, (size_t)hn, 14695981039346656037ULL);
  h = fnv(body, (size_t)n, h);
  free(head);
  free(body);
  return h;
}

static uint64_t handle(const char *raw, size_t len, long i) {
  char *buf = malloc(len + 1);
  memcpy(buf, raw, len + 1);
  header_t *headers = malloc(MAX_HEADERS * sizeof *headers);
  request_t req = {{0}, NULL, 0, headers, 0};
  uint64_t h = 0;
  if (parse_request(buf, &req) == 0) {
    touch_session(find_header(&req, "Cookie"));
    h = respond(&req, i);
  }
  free(headers);
  free(buf);
  return h;
}

int main(int argc, char **argv) {
  long requests = argc > 1 ? atol(argv[1]) : 500000;
  char raw[1024];
  uint64_t h = 0;
  for (long i = 0; i < requests; i++) {
    size_t len = make_request(raw, sizeof raw, i);
    h = h * 31 + handle(raw, len, i);
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
  printf("server requests=%ld users=%ld hits=%ld cache_hits=%ld cache_fills=%ld hash=%016llx\n",
         requests, users, hits, cache_hits, cache_fills, (unsigned long long)h);
  return 0;
}
