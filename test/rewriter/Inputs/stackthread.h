/* run_on_stack: the stack-depth tests run their code on a thread whose
 * stack they size, without system headers. */
typedef unsigned long pthread_t;
typedef union { char size[64]; long align; } pthread_attr_t;
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **ret);

/* Runs fn(arg) on a thread with a stack of `size` bytes; 0 once it ends. */
static int run_on_stack(void *(*fn)(void *), void *arg, size_t size) {
  pthread_attr_t attr;
  pthread_t t;
  if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, size) != 0)
    return 1;
  if (pthread_create(&t, &attr, fn, arg) != 0)
    return 1;
  return pthread_join(t, 0);
}
