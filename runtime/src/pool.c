//===- pool.c - object pools (Go's sync.Pool) -----------------------------===//
//
// Part of escape.  A pool keeps put objects for reuse.  Each thread caches
// up to ESC_POOL_LOCAL objects per pool in a thread-local slot (no lock);
// beyond that half of them move to the pool's shared list under its lock,
// and beyond ESC_POOL_SHARED they are freed.  The first ESC_POOL_SLOTS live
// pools get thread-local slots; others use the shared list only.  A slot
// remembers its pool's generation, so a destroyed pool's leftovers in other
// threads are freed the next time that thread touches the slot.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

#define ESC_POOL_SLOTS 64
#define ESC_POOL_LOCAL 32
#define ESC_POOL_SHARED 1024

struct esc_pool_s {
  size_t size;
  uint64_t gen;  // unique per pool
  int slot;      // thread-local slot, -1 for none
  esc_lock_t lock;
  void *shared;
  uint32_t nshared;
};

typedef struct {
  uint64_t gen;
  void *head;
  uint32_t count;
} esc_pool_local_t;

// A thread's slots, made at its first use of a pool.  Static thread-local
// storage comes out of every thread's stack mapping (glibc puts it there):
// the 1.5 KiB of slots took that much stack from every thread of every
// program escape-cc links, pools or not (a 16 KiB thread's largest
// buffer fell with the runtime's 5.9 KiB from 11.7 to 6 KiB).
static __thread esc_pool_local_t *esc_pool_local ESC_TLS_MODEL;
static esc_lock_t esc_pool_reg_lock;
static uint64_t esc_pool_slot_used; // bit per slot
static uint64_t esc_pool_next_gen = 1;

static void esc_list_free(void *head) {
  while (head) {
    void *next = *(void **)head;
    esc__free(head);
    head = next;
  }
}

esc_pool_t *esc__pool_create(size_t size) {
  if (size < sizeof(void *)) size = sizeof(void *);
  esc_pool_t *pool = esc__calloc(1, sizeof *pool);
  if (!pool) return NULL;
  pool->size = size;
  pool->slot = -1;
  esc__lock(&esc_pool_reg_lock);
  pool->gen = esc_pool_next_gen++;
  for (int i = 0; i < ESC_POOL_SLOTS; i++)
    if (!(esc_pool_slot_used & ((uint64_t)1 << i))) {
      esc_pool_slot_used |= (uint64_t)1 << i;
      pool->slot = i;
      break;
    }
  esc__unlock(&esc_pool_reg_lock);
  return pool;
}

// esc_pool_local returns this thread's slot for pool, emptying it first when
// it still holds another (destroyed) pool's objects; NULL when none.
static esc_pool_local_t *esc_pool_local_of(esc_pool_t *pool) {
  if (pool->slot < 0) return NULL;
  if (!esc_pool_local &&
      !(esc_pool_local = esc__calloc(ESC_POOL_SLOTS, sizeof *esc_pool_local)))
    return NULL; // the shared list only
  esc_pool_local_t *l = &esc_pool_local[pool->slot];
  if (l->gen != pool->gen) {
    esc_list_free(l->head);
    l->head = NULL;
    l->count = 0;
    l->gen = pool->gen;
  }
  return l;
}

void *esc__pool_get(esc_pool_t *pool) {
  if (!pool) {
    errno = EINVAL;
    return NULL;
  }
  esc_pool_local_t *l = esc_pool_local_of(pool);
  if (l && l->head) {
    void *p = l->head;
    l->head = *(void **)p;
    l->count--;
    return p;
  }
  void *p = NULL;
  if (pool->nshared) {
    esc__lock(&pool->lock);
    if ((p = pool->shared) != NULL) {
      pool->shared = *(void **)p;
      pool->nshared--;
    }
    esc__unlock(&pool->lock);
  }
  return p ? p : esc__malloc(pool->size);
}

// esc_pool_spill moves half of a full local slot to the pool's shared list.
static void esc_pool_spill(esc_pool_t *pool, esc_pool_local_t *l) {
  void *head = l->head, *tail = head;
  uint32_t n = l->count / 2;
  for (uint32_t i = 1; i < n; i++) tail = *(void **)tail;
  l->head = *(void **)tail;
  l->count -= n;
  esc__lock(&pool->lock);
  if (pool->nshared + n <= ESC_POOL_SHARED) {
    *(void **)tail = pool->shared;
    pool->shared = head;
    pool->nshared += n;
    head = NULL;
  } else {
    *(void **)tail = NULL;
  }
  esc__unlock(&pool->lock);
  esc_list_free(head);
}

void esc__pool_put(esc_pool_t *pool, void *p) {
  if (!pool || !p) return;
  esc_pool_local_t *l = esc_pool_local_of(pool);
  if (!l) {
    esc__lock(&pool->lock);
    bool keep = pool->nshared < ESC_POOL_SHARED;
    if (keep) {
      *(void **)p = pool->shared;
      pool->shared = p;
      pool->nshared++;
    }
    esc__unlock(&pool->lock);
    if (!keep) esc__free(p);
    return;
  }
  *(void **)p = l->head;
  l->head = p;
  if (++l->count > ESC_POOL_LOCAL) esc_pool_spill(pool, l);
}

void esc__pool_destroy(esc_pool_t *pool) {
  if (!pool) return;
  if (pool->slot >= 0) {
    esc_pool_local_t *l = esc_pool_local ? &esc_pool_local[pool->slot] : NULL;
    if (l && l->gen == pool->gen) {
      esc_list_free(l->head);
      l->head = NULL;
      l->count = 0;
      l->gen = 0;
    }
    esc__lock(&esc_pool_reg_lock);
    esc_pool_slot_used &= ~((uint64_t)1 << pool->slot);
    esc__unlock(&esc_pool_reg_lock);
  }
  esc_list_free(pool->shared);
  esc__free(pool);
}

void esc__pool_thread_exit(void) {
  esc_pool_local_t *locals = esc_pool_local;
  if (!locals) return;
  esc_pool_local = NULL;
  for (int i = 0; i < ESC_POOL_SLOTS; i++) esc_list_free(locals[i].head);
  esc__free(locals);
}

// The public names (escape.h), weak: a program that defines one of them
// itself links, and the runtime calls only the esc__ names.
ESC_API_ALIAS(pool_create);
ESC_API_ALIAS(pool_get);
ESC_API_ALIAS(pool_put);
ESC_API_ALIAS(pool_destroy);
