//===- driver.h - escape-cc: clang-19 with the plugin and the runtime -----===//
//
// escape-cc is a drop-in C compiler.  It reads the command line the way the
// clang driver does (only as far as it must), then execs clang-19 with the
// same arguments plus the escape plugin for C compiles and the escape runtime
// for links.  Contracts: functions return 0 on success or an errno value and
// never write their out-params on failure.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_CC_DRIVER_H
#define ESCAPE_CC_DRIVER_H

#include <stdbool.h>
#include <stddef.h>

// ---------------------------------------------------------------------------
// Argument vectors
// ---------------------------------------------------------------------------

/// A growable, NULL-terminated vector of strings.  Strings are borrowed or
/// owned by the caller; the vector owns only its array.
typedef struct escc_argv_s {
  char **items;
  size_t count;
  size_t cap;
} escc_argv_t;

/// Appends \p arg.  Returns 0 or ENOMEM.
int escc_argv_push(escc_argv_t *v, const char *arg);
/// Appends every string of \p args[0..n).  Returns 0 or ENOMEM.
int escc_argv_push_all(escc_argv_t *v, char *const *args, size_t n);
void escc_argv_free(escc_argv_t *v);

/// Splits \p text into words the way a shell would for a simple command
/// (blanks separate, '…' and "…" quote, backslash escapes) and appends them.
/// Used for ESCAPE_CC_ARGS and for response files.  Returns 0, ENOMEM or
/// EINVAL (unterminated quote).
int escc_split_words(escc_argv_t *v, const char *text);

// ---------------------------------------------------------------------------
// Classification ("args.c")
// ---------------------------------------------------------------------------

/// What the clang invocation will do, as far as escape-cc cares.
typedef struct escc_mode_s {
  size_t inputs;        ///< input files of any kind (incl. '-' and -l)
  size_t c_inputs;      ///< C sources (.c, .i, -x c, -x cpp-output)
  size_t header_inputs; ///< headers to precompile
  bool stop_before_link;///< -c, -S, -E, -M, -MM, -fsyntax-only, ...
  bool preprocess_only; ///< -E, -M, -MM: no plugin needed
  bool query_only;      ///< --version, -print-*, -dump*, --help: pass through
  bool shared;          ///< -shared
  bool relocatable;     ///< -r: partial link, no runtime
  bool no_default_libs; ///< -nostdlib, -nodefaultlibs
  bool sanitize;        ///< any -fsanitize=...
  bool sanitize_heap;   ///< a sanitizer that watches heap blocks (address,
                        ///< memory, thread, leak, hwaddress)
  bool foreign_target;  ///< -m32, -mx32, -m16, or a --target/-target other
                        ///< than x86_64 Linux: no runtime built for it
  bool saw_x;           ///< a -x option appeared (it is sticky)
  bool has_report;      ///< -fplugin-arg-escape-report=... is given
  const char *first_c;  ///< the first C input, or NULL
} escc_mode_t;

/// Classifies \p argv[0..argc) (the user's arguments, without argv[0]).
/// Response files (@file) are read for classification only; an unreadable
/// one is ignored here, as clang will report it.  Returns 0 or ENOMEM.
int escc_classify(escc_mode_t *out, char *const *argv, size_t argc);

/// Reports whether the invocation links (and so needs the runtime).
bool escc_mode_links(const escc_mode_t *m);
/// Reports whether the invocation compiles C (and so needs the plugin).
bool escc_mode_compiles_c(const escc_mode_t *m);

// ---------------------------------------------------------------------------
// Locating clang, the plugin and the runtime ("locate.c")
// ---------------------------------------------------------------------------

/// Writes the directory holding the running executable into \p buf.
/// Returns 0, ENAMETOOLONG or the errno of readlink.
int escc_self_dir(char *buf, size_t size);

/// The plugin and the runtime escape-cc adds, by file name.
#define ESCC_PLUGIN_NAME "escape-plugin.so"
#define ESCC_RT_NAME "libescape-rt.a"

/// Finds \p name in the library directories next to \p bindir:
/// ../<libdir>/escape, ../<libdir>, ../lib/escape, ../lib.  On success
/// writes the path into \p buf and returns 0; ENOENT when absent.
int escc_find_lib(char *buf, size_t size, const char *bindir, const char *name);

/// The clang to run: $ESCAPE_CC_CLANG, else the configured path.
/// Invoked as escape-c++ (or escape-cxx): clang++ runs, never with the
/// plugin; its links get the runtime as escape-cc's do.  Set by
/// escc_set_mode from argv[0].
extern bool escc_cxx;
void escc_set_mode(const char *argv0);

const char *escc_clang_path(void);

/// The argv[0] to run \p path with: the configured clang goes by its
/// command name (clang-19), so its diagnostics read as plain clang-19's;
/// any other path by itself.
const char *escc_clang_argv0(const char *path);

// ---------------------------------------------------------------------------
// The driver ("driver.c")
// ---------------------------------------------------------------------------

/// Builds the clang command for the user's \p argv[0..argc) into \p out
/// (out->items[0] is clang).  \p bindir is escape-cc's directory.  Prints
/// "escape-cc: error: ..." and returns non-zero when a needed part is
/// missing.  The strings in \p out live until the process execs or exits.
int escc_build_command(escc_argv_t *out, const char *bindir,
                       char *const *argv, size_t argc);

/// Which of escape-cc's own answers the user's \p argv[0..argc) asks for
/// besides clang's: bit 0 --version, bit 1 --help ("about.c").
int escc_about_wanted(char *const *argv, size_t argc);
/// Prints them to stdout, after clang's answer.
void escc_about_print(int want, const char *bindir);

/// The whole tool: builds the command and execs it.  Returns the exit
/// status to use when exec is impossible.
int escc_main(int argc, char **argv);

#endif
