/* A header included as a system header: its functions are summarised for
   their callers but never reported. */
#ifndef ESCAPE_TEST_SYS_HELPER_H
#define ESCAPE_TEST_SYS_HELPER_H
extern char *helper_last;
static inline void helper_keep(char *p) { helper_last = p; }
static inline char *helper_make(void) { return (char *)malloc(8); }
static inline void helper_release(char *p) { free(p); }
#endif
