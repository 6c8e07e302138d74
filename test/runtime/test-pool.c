//===- test-pool.c - object pools (esc_pool_*) ----------------------------===//
//
// Part of escape.  Reuse, separation of pools, spill to the shared list,
// pools beyond the thread-local slots, destroy with objects cached in other
// threads, and get/put from several threads.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

static esc_pool_t *shared_pool;

static void *pool_worker(void *arg) {
  uintptr_t bad = 0;
  void *held[50];
  for (int round = 0; round < 2000; round++) {
    for (int i = 0; i < 50; i++) {
      held[i] = esc_pool_get(shared_pool);
      if (!held[i]) return (void *)1;
      memset(held[i], (int)(uintptr_t)arg, 64);
    }
    for (int i = 0; i < 50; i++) {
      unsigned char *p = held[i];
      if (p[0] != (unsigned char)(uintptr_t)arg || p[63] != p[0]) bad++;
      esc_pool_put(shared_pool, p);
    }
  }
  return (void *)bad;
}

static void *cache_and_exit(void *arg) {
  esc_pool_t *pool = arg;
  void *p = esc_pool_get(pool);
  esc_pool_put(pool, p);
  return NULL;
}

int main(void) {
  CHECK_BODY("a put object comes back from get") {
    esc_pool_t *pool = esc_pool_create(40);
    void *a = esc_pool_get(pool);
    EXPECT(a && esc_usable_size(a) >= 40);
    esc_pool_put(pool, a);
    EXPECT(esc_pool_get(pool) == a);
    esc_pool_put(pool, a);
    esc_pool_destroy(pool);
  }
  CHECK_BODY("pools do not share objects") {
    esc_pool_t *p1 = esc_pool_create(32), *p2 = esc_pool_create(32);
    void *a = esc_pool_get(p1);
    esc_pool_put(p1, a);
    void *b = esc_pool_get(p2);
    EXPECT(b != a);
    esc_pool_put(p2, b);
    esc_pool_destroy(p1);
    esc_pool_destroy(p2);
  }
  CHECK_BODY("many puts spill to the shared list and all come back") {
    esc_pool_t *pool = esc_pool_create(100);
    enum { N = 500 };
    void *v[N], *w[N];
    for (int i = 0; i < N; i++) v[i] = esc_pool_get(pool);
    for (int i = 0; i < N; i++) esc_pool_put(pool, v[i]);
    int reused = 0;
    for (int i = 0; i < N; i++) {
      void *p = esc_pool_get(pool);
      for (int j = 0; j < N; j++)
        if (v[j] == p) { reused++; break; }
      w[i] = p;
    }
    EXPECT(reused == N);
    for (int i = 0; i < N; i++) esc_pool_put(pool, w[i]);
    esc_pool_destroy(pool);
  }
  CHECK_BODY("more pools than thread-local slots still work") {
    esc_pool_t *pools[100];
    for (int i = 0; i < 100; i++) pools[i] = esc_pool_create(16 + (size_t)i);
    for (int i = 0; i < 100; i++) {
      void *a = esc_pool_get(pools[i]);
      EXPECT(a && esc_usable_size(a) >= 16 + (size_t)i);
      esc_pool_put(pools[i], a);
      EXPECT(esc_pool_get(pools[i]) == a);
      esc_pool_put(pools[i], a);
    }
    for (int i = 0; i < 100; i++) esc_pool_destroy(pools[i]);
  }
  CHECK_BODY("destroy while another thread caches objects; slot reuse frees them") {
    esc_pool_t *pool = esc_pool_create(64);
    pthread_t t;
    pthread_create(&t, NULL, cache_and_exit, pool);
    pthread_join(t, NULL);
    esc_pool_destroy(pool);
    esc_pool_t *again = esc_pool_create(64);
    void *a = esc_pool_get(again);
    EXPECT(a != NULL);
    esc_pool_put(again, a);
    esc_pool_destroy(again);
  }
  CHECK_BODY("get/put from four threads keeps objects intact") {
    shared_pool = esc_pool_create(64);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, pool_worker, (void *)(uintptr_t)(i + 1));
    uintptr_t bad = 0;
    for (int i = 0; i < 4; i++) {
      void *r;
      pthread_join(t[i], &r);
      bad += (uintptr_t)r;
    }
    EXPECT(bad == 0);
    esc_pool_destroy(shared_pool);
  }
  CHECK_BODY("NULL pool is rejected") {
    errno = 0;
    EXPECT(esc_pool_get(NULL) == NULL && errno == EINVAL);
    esc_pool_put(NULL, NULL);
    esc_pool_destroy(NULL);
  }
  return test_summary();
}
