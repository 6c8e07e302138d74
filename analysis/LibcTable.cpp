//===- LibcTable.cpp - What libc functions do with their pointers --------===//
//
// The built-in table of library functions whose pointer arguments do not
// escape, kept as data in one place.  Each entry gives one letter per
// parameter; a trailing '.' says the variadic arguments are not captured
// either (without it they escape):
//
//   n  read or written, never retained
//   p  a printf-style format: unless it is a literal whose conversions
//      are all standard ones that print numbers, characters or strings
//      (not %p, %n, or one registered with register_printf_specifier;
//      positional `%2$p` included), the variadic arguments escape (a
//      printed address can come back)
//   m  a scanf-style format: unless it is a literal without the m
//      modifier (%ms, %1$ms, %m[, GNU %as), the callee may store a block it
//      allocated through each variadic argument (as w does)
//   e  retained: escapes (setvbuf's buffer)
//   t  retained until the next call with a new string (strtok): escapes
//      unless it is a local the function frees on every path after the
//      call (MustFree.cpp); the result may point into it
//   d  s  memcpy-like: the pointers stored in *s are copied into *d; into
//         memory declared as bytes, integers, floats or void they escape
//   b  its bytes are written out (a file, a pipe, the environment, the
//      kernel's signal table) or copied where the analysis does not follow
//      them (vsscanf's targets): the pointers stored in *p escape, whatever
//      its declared type
//   w  the callee stores a pointer of its own into *p (asprintf)
//   r  *p is reallocated by the callee and replaced (getline)
//   o  the callee stores a pointer into the first argument in *p (strtol)
//   f  a callback: if it may capture, every argument escapes (qsort)
//   x  the allocator inspects it: it must stay a heap object
//
//===----------------------------------------------------------------------===//
#include "LibcTable.h"

#include "llvm/ADT/StringMap.h"

using namespace escape::analysis;

static const LibcEntry Table[] = {
    // <string.h>
    {"memcpy", LibcResult::Arg0, "dsn"},
    {"memmove", LibcResult::Arg0, "dsn"},
    {"mempcpy", LibcResult::Arg0, "dsn"},
    {"memccpy", LibcResult::Arg0, "dsnn"},
    {"bcopy", LibcResult::None, "sdn"},
    {"memset", LibcResult::Arg0, "nnn"},
    {"bzero", LibcResult::None, "nn"},
    {"explicit_bzero", LibcResult::None, "nn"},
    {"memcmp", LibcResult::None, "nnn"},
    {"bcmp", LibcResult::None, "nnn"},
    {"memchr", LibcResult::Arg0, "nnn"},
    {"memrchr", LibcResult::Arg0, "nnn"},
    {"rawmemchr", LibcResult::Arg0, "nn"},
    {"memmem", LibcResult::Arg0, "nnnn"},
    {"strcpy", LibcResult::Arg0, "ds"},
    {"strncpy", LibcResult::Arg0, "dsn"},
    {"stpcpy", LibcResult::Arg0, "ds"},
    {"stpncpy", LibcResult::Arg0, "dsn"},
    {"strcat", LibcResult::Arg0, "ds"},
    {"strncat", LibcResult::Arg0, "dsn"},
    {"strlcpy", LibcResult::None, "dsn"},
    {"strlcat", LibcResult::None, "dsn"},
    {"strcmp", LibcResult::None, "nn"},
    {"strncmp", LibcResult::None, "nnn"},
    {"strcasecmp", LibcResult::None, "nn"},
    {"strncasecmp", LibcResult::None, "nnn"},
    {"strcoll", LibcResult::None, "nn"},
    {"strxfrm", LibcResult::None, "dsn"},
    {"strlen", LibcResult::None, "n"},
    {"strnlen", LibcResult::None, "nn"},
    {"strchr", LibcResult::Arg0, "nn"},
    {"strrchr", LibcResult::Arg0, "nn"},
    {"strchrnul", LibcResult::Arg0, "nn"},
    {"index", LibcResult::Arg0, "nn"},
    {"rindex", LibcResult::Arg0, "nn"},
    {"strstr", LibcResult::Arg0, "nn"},
    {"strcasestr", LibcResult::Arg0, "nn"},
    {"strpbrk", LibcResult::Arg0, "nn"},
    {"strspn", LibcResult::None, "nn"},
    {"strcspn", LibcResult::None, "nn"},
    {"strtok", LibcResult::Arg0, "tn"},
    {"strtok_r", LibcResult::Arg0OrLoadArg2, "nno"},
    {"strsep", LibcResult::LoadArg0, "nn"},
    {"strerror", LibcResult::Heap, "n"},
    {"strerror_r", LibcResult::HeapOrArg1, "nnn"},
    {"strsignal", LibcResult::Heap, "n"},
    // <stdio.h>
    {"printf", LibcResult::None, "p."},
    {"fprintf", LibcResult::None, "np."},
    {"dprintf", LibcResult::None, "np."},
    {"sprintf", LibcResult::None, "np."},
    {"snprintf", LibcResult::None, "nnp."},
    {"vprintf", LibcResult::None, "nn"},
    {"vfprintf", LibcResult::None, "nnn"},
    {"vdprintf", LibcResult::None, "nnn"},
    {"vsprintf", LibcResult::None, "nnn"},
    {"vsnprintf", LibcResult::None, "nnnn"},
    {"asprintf", LibcResult::None, "wp."},
    {"vasprintf", LibcResult::None, "wnn"},
    {"scanf", LibcResult::None, "m."},
    {"fscanf", LibcResult::None, "nm."},
    {"sscanf", LibcResult::None, "nm."},
    {"vscanf", LibcResult::None, "nn"},
    {"vfscanf", LibcResult::None, "nnn"},
    {"vsscanf", LibcResult::None, "bnn"},
    {"puts", LibcResult::None, "b"},
    {"fputs", LibcResult::None, "bn"},
    {"fputc", LibcResult::None, "nn"},
    {"putc", LibcResult::None, "nn"},
    {"fgetc", LibcResult::None, "n"},
    {"getc", LibcResult::None, "n"},
    {"ungetc", LibcResult::None, "nn"},
    {"fgets", LibcResult::Arg0, "nnn"},
    {"fwrite", LibcResult::None, "bnnn"},
    {"fread", LibcResult::None, "nnnn"},
    {"fopen", LibcResult::Heap, "nn"},
    {"fdopen", LibcResult::Heap, "nn"},
    {"freopen", LibcResult::Heap, "nnn"},
    {"fmemopen", LibcResult::Heap, "enn"},
    {"fclose", LibcResult::None, "n"},
    {"popen", LibcResult::Heap, "nn"},
    {"pclose", LibcResult::None, "n"},
    {"tmpfile", LibcResult::Heap, ""},
    {"fflush", LibcResult::None, "n"},
    {"fseek", LibcResult::None, "nnn"},
    {"ftell", LibcResult::None, "n"},
    {"rewind", LibcResult::None, "n"},
    {"feof", LibcResult::None, "n"},
    {"ferror", LibcResult::None, "n"},
    {"clearerr", LibcResult::None, "n"},
    {"fileno", LibcResult::None, "n"},
    {"setvbuf", LibcResult::None, "nenn"},
    {"setbuf", LibcResult::None, "ne"},
    {"perror", LibcResult::None, "n"},
    {"remove", LibcResult::None, "n"},
    {"rename", LibcResult::None, "nn"},
    {"getline", LibcResult::None, "rnn"},
    {"getdelim", LibcResult::None, "rnnn"},
    {"open", LibcResult::None, "n."},
    {"read", LibcResult::None, "nnn"},
    {"write", LibcResult::None, "nbn"},
    {"access", LibcResult::None, "nn"},
    {"stat", LibcResult::None, "nn"},
    {"fstat", LibcResult::None, "nn"},
    {"unlink", LibcResult::None, "n"},
    {"mkdir", LibcResult::None, "nn"},
    {"rmdir", LibcResult::None, "n"},
    {"chdir", LibcResult::None, "n"},
    {"lstat", LibcResult::None, "nn"},
    {"readlink", LibcResult::None, "nnn"},
    {"opendir", LibcResult::Heap, "n"},
    {"closedir", LibcResult::None, "n"},
    {"gethostname", LibcResult::None, "nn"},
    {"inet_pton", LibcResult::None, "nnn"},
    {"inet_ntop", LibcResult::Arg2, "nnnn"},
    {"inet_aton", LibcResult::None, "nn"},
    {"getcwd", LibcResult::HeapOrArg0, "nn"},
    {"realpath", LibcResult::HeapOrArg1, "nn"},
    {"pread", LibcResult::None, "nnnn"},
    {"pwrite", LibcResult::None, "nbnn"},
    {"confstr", LibcResult::None, "nnn"},
    {"ttyname_r", LibcResult::None, "nnn"},
    {"tcgetattr", LibcResult::None, "nn"},
    {"tcsetattr", LibcResult::None, "nnn"},
    {"sched_getaffinity", LibcResult::None, "nnn"},
    {"sched_setaffinity", LibcResult::None, "nnn"},
    {"__sched_cpucount", LibcResult::None, "nn"}, // CPU_COUNT
    {"readv", LibcResult::None, "nnn"},
    {"glob", LibcResult::None, "nnfr"}, // GLOB_APPEND reallocates gl_pathv
    {"globfree", LibcResult::None, "n"},
    {"fputs_unlocked", LibcResult::None, "bn"},
    {"fwrite_unlocked", LibcResult::None, "bnnn"},
    {"fread_unlocked", LibcResult::None, "nnnn"},
    {"fgets_unlocked", LibcResult::Arg0, "nnn"},
    // <err.h>, <error.h>, <syslog.h>: messages printed, as printf does.
    {"warn", LibcResult::None, "p."},
    {"warnx", LibcResult::None, "p."},
    {"err", LibcResult::None, "np."},
    {"errx", LibcResult::None, "np."},
    {"vwarn", LibcResult::None, "nn"},
    {"vwarnx", LibcResult::None, "nn"},
    {"verr", LibcResult::None, "nnn"},
    {"verrx", LibcResult::None, "nnn"},
    {"error", LibcResult::None, "nnp."},
    // error_at_line keeps the file name for the next call to compare with
    // (error_one_per_line).
    {"error_at_line", LibcResult::None, "nnenp."},
    {"syslog", LibcResult::None, "np."},
    {"vsyslog", LibcResult::None, "nnn"},
    // <libgen.h>: the result points into the argument (or is static).
    {"dirname", LibcResult::Arg0, "n"},
    {"basename", LibcResult::Arg0, "n"},
    {"__xpg_basename", LibcResult::Arg0, "n"},
    // <stdlib.h>
    {"atoi", LibcResult::None, "n"},
    {"atol", LibcResult::None, "n"},
    {"atoll", LibcResult::None, "n"},
    {"atof", LibcResult::None, "n"},
    {"strtol", LibcResult::None, "non"},
    {"strtoul", LibcResult::None, "non"},
    {"strtoll", LibcResult::None, "non"},
    {"strtoull", LibcResult::None, "non"},
    {"strtoimax", LibcResult::None, "non"},
    {"strtoumax", LibcResult::None, "non"},
    {"strtod", LibcResult::None, "no"},
    {"strtof", LibcResult::None, "no"},
    {"strtold", LibcResult::None, "no"},
    {"getenv", LibcResult::Heap, "n"},
    {"setenv", LibcResult::None, "nbn"},
    {"unsetenv", LibcResult::None, "n"},
    {"putenv", LibcResult::None, "e"},
    {"system", LibcResult::None, "n"},
    {"qsort", LibcResult::None, "nnnf"},
    {"qsort_r", LibcResult::None, "nnnfn"}, // glibc order: the context comes last
    {"bsearch", LibcResult::Arg1, "nnnnf"},
    {"lfind", LibcResult::Arg1, "nnnnf"},
    {"mblen", LibcResult::None, "nn"},
    {"mbstowcs", LibcResult::None, "nnn"},
    {"wcstombs", LibcResult::None, "nnn"},
    {"malloc_usable_size", LibcResult::None, "x"},
    // <wchar.h>
    {"wcslen", LibcResult::None, "n"},
    {"wcscmp", LibcResult::None, "nn"},
    {"wcscpy", LibcResult::Arg0, "ds"},
    {"wmemcpy", LibcResult::Arg0, "dsn"},
    {"wmemmove", LibcResult::Arg0, "dsn"},
    {"wmemset", LibcResult::Arg0, "nnn"},
    // <time.h>, <sys/time.h>
    {"time", LibcResult::None, "n"},
    {"clock_gettime", LibcResult::None, "nn"},
    {"gettimeofday", LibcResult::None, "nn"},
    {"localtime", LibcResult::Heap, "n"},
    {"gmtime", LibcResult::Heap, "n"},
    {"localtime_r", LibcResult::Arg1, "nn"},
    {"gmtime_r", LibcResult::Arg1, "nn"},
    {"mktime", LibcResult::None, "n"},
    {"strftime", LibcResult::None, "dnsn"},
    {"ctime", LibcResult::Heap, "n"},
    {"asctime", LibcResult::Heap, "n"},
    {"nanosleep", LibcResult::None, "nn"},
    {"ctime_r", LibcResult::Arg1, "nn"},
    {"asctime_r", LibcResult::Arg1, "nn"},
    {"times", LibcResult::None, "n"},
    // POSIX odds and ends
    {"poll", LibcResult::None, "nnn"},
    {"uname", LibcResult::None, "n"},
    {"getrusage", LibcResult::None, "nn"},
    {"sigaction", LibcResult::None, "nbn"},
    {"sigemptyset", LibcResult::None, "n"},
    {"sigaddset", LibcResult::None, "nn"},
    {"sigdelset", LibcResult::None, "nn"},
    {"sigfillset", LibcResult::None, "n"},
    {"sigismember", LibcResult::None, "nn"},
    {"sigprocmask", LibcResult::None, "nnn"},
    {"pipe", LibcResult::None, "n"},
    {"waitpid", LibcResult::None, "nnn"},
    {"mkstemp", LibcResult::None, "n"},
    {"fgetpos", LibcResult::None, "nn"},
    {"fsetpos", LibcResult::None, "nn"},
    {"setlocale", LibcResult::Heap, "nn"},
    {"strverscmp", LibcResult::None, "nn"},
    {"fnmatch", LibcResult::None, "nnn"},
    {"regcomp", LibcResult::None, "wnn"},
    {"regexec", LibcResult::None, "nnnnn"},
    {"regfree", LibcResult::None, "n"},
    // <math.h>
    {"frexp", LibcResult::None, "nn"},
    {"modf", LibcResult::None, "nn"},
    // <setjmp.h>: returning twice is handled by the caller's policy.
    {"setjmp", LibcResult::None, "n"},
    {"_setjmp", LibcResult::None, "n"},
    {"sigsetjmp", LibcResult::None, "nn"},
    {"__sigsetjmp", LibcResult::None, "nn"},
    {"longjmp", LibcResult::None, "nn"},
    {"_longjmp", LibcResult::None, "nn"},
    {"siglongjmp", LibcResult::None, "nn"},
    // <assert.h>, <pthread.h>
    {"__assert_fail", LibcResult::None, "nnnn"},
    // A robust mutex, once locked, is linked into the thread's robust list
    // (which the kernel also knows) until it is unlocked: kept.
    {"pthread_mutex_lock", LibcResult::None, "e"},
    {"pthread_mutex_unlock", LibcResult::None, "n"},
    {"pthread_mutex_trylock", LibcResult::None, "e"},
    {"pthread_mutex_init", LibcResult::None, "nn"},
    {"pthread_mutex_destroy", LibcResult::None, "n"},
    // The thread's argument, and a thread-specific value, are kept: they
    // escape ("retained by", not "passed to" an unknown function).  The
    // thread id and the attributes are written and read only.
    {"pthread_create", LibcResult::None, "nnne"},
    {"pthread_join", LibcResult::None, "nw"},
    {"pthread_setspecific", LibcResult::None, "ne"},
    // Compiler builtins (after canonicalCallee drops "__builtin_").
    {"expect", LibcResult::Arg0, "nn"},
    {"expect_with_probability", LibcResult::Arg0, "nnn"},
    {"assume_aligned", LibcResult::Arg0, "nn."},
    {"object_size", LibcResult::None, "nn"},
    {"dynamic_object_size", LibcResult::None, "nn"},
    {"prefetch", LibcResult::None, "n."},
    {"va_start", LibcResult::None, "n."},
    {"va_end", LibcResult::None, "n"},
    {"va_copy", LibcResult::None, "dn"},
    {"c23_va_start", LibcResult::None, "n."},
};

const LibcEntry *escape::analysis::lookupLibc(llvm::StringRef Name) {
  static const llvm::StringMap<const LibcEntry *> Map = [] {
    llvm::StringMap<const LibcEntry *> M;
    for (const LibcEntry &E : Table)
      M[E.Name] = &E;
    return M;
  }();
  auto It = Map.find(Name);
  return It == Map.end() ? nullptr : It->second;
}

/// Drops `__builtin_`, and the fortify form `__NAME_chk` down to NAME;
/// returns whether it was a fortify form.
static bool dropChk(llvm::StringRef &Name) {
  Name.consume_front("__builtin_");
  if (!Name.starts_with("__") || !Name.ends_with("_chk"))
    return false;
  Name = Name.drop_front(2).drop_back(4);
  return true;
}

llvm::StringRef escape::analysis::canonicalCallee(llvm::StringRef Name) {
  dropChk(Name);
  Name.consume_front("__isoc99_");
  Name.consume_front("__isoc23_");
  return Name;
}

FortifyExtra escape::analysis::fortifyExtra(llvm::StringRef Name) {
  // glibc's fortified functions whose checks take arguments before the
  // function's own last ones (bits/stdio2.h): a flag, and the size of the
  // buffer written.  The others add theirs at the end.
  static const struct {
    const char *Name;
    FortifyExtra X;
  } Shapes[] = {
      {"printf", {0, 1}},   {"vprintf", {0, 1}},   {"fprintf", {1, 1}},
      {"vfprintf", {1, 1}}, {"dprintf", {1, 1}},   {"vdprintf", {1, 1}},
      {"sprintf", {1, 2}},  {"vsprintf", {1, 2}},  {"snprintf", {2, 2}},
      {"vsnprintf", {2, 2}}, {"asprintf", {1, 1}}, {"vasprintf", {1, 1}},
      {"fgets", {1, 1}},    {"fread", {1, 1}},     {"syslog", {1, 1}},
      {"vsyslog", {1, 1}},  {"fgets_unlocked", {1, 1}}, {"fread_unlocked", {1, 1}},
  };
  if (!dropChk(Name))
    return {};
  for (const auto &S : Shapes)
    if (Name == S.Name)
      return S.X;
  return {};
}

bool escape::analysis::isAllocaName(llvm::StringRef Name) {
  return Name == "alloca" || Name.starts_with("alloca_with_align");
}

bool escape::analysis::isFreeName(llvm::StringRef Name) {
  return Name == "free" || Name == "cfree";
}

bool escape::analysis::isSetjmpName(llvm::StringRef Name) {
  return Name == "setjmp" || Name == "_setjmp" || Name == "sigsetjmp" ||
         Name == "__sigsetjmp" || Name == "getcontext" || Name == "vfork";
}
