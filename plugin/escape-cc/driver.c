//===- driver.c - Build the clang-19 command and exec it ------------------===//
//
// This file implements escape-cc's command construction.  The command is
//
//   clang [-fplugin=<lib>/escape-plugin.so -fplugin-arg-escape-arena=1
//          [-fplugin-arg-escape-transform=0]]
//         <user arguments> <$ESCAPE_CC_ARGS>
//         [-x none] [<lib>/libescape-rt{,-core,-dso}.a -lpthread]
//
// The plugin part appears only when C is compiled (report only under a
// sanitizer that watches heap blocks); the runtime part only when the
// command links (the core runtime, which keeps libc's malloc, for
// -fsanitize= links, and its dynamic-TLS build for -shared ones).  User
// arguments come after the defaults so that a -fplugin-arg-escape-... in
// CFLAGS wins, and $ESCAPE_CC_ARGS comes last so that it wins over both.
//
//===----------------------------------------------------------------------===//
#include "driver.h"
#include "escape-cc-config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define ESCC_RT_CORE_NAME "libescape-rt-core.a"
#define ESCC_RT_DSO_NAME "libescape-rt-dso.a"

static void escc_error(const char *fmt, const char *a, const char *b) {
  fputs("escape-cc: error: ", stderr);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
}

/// Reads $ESCAPE_CC_ARGS into \p env.  Returns 0 or non-zero after an error.
static int escc_env_args(escc_argv_t *env) {
  const char *text = getenv("ESCAPE_CC_ARGS");
  if (!text)
    return 0;
  int err = escc_split_words(env, text);
  if (err == EINVAL)
    escc_error("ESCAPE_CC_ARGS has an unterminated quote: %s%s", text, "");
  else if (err)
    escc_error("%s%s", strerror(err), "");
  return err;
}

/// Returns a heap copy of "<prefix><path>", or NULL (message printed).
static char *escc_concat(const char *prefix, const char *path) {
  char *s = malloc(strlen(prefix) + strlen(path) + 1);
  if (!s) {
    escc_error("%s%s", strerror(ENOMEM), "");
    return NULL;
  }
  strcpy(s, prefix);
  strcat(s, path);
  return s;
}

/// Finds \p name next to \p bindir, or prints why not.  Returns a heap copy.
static char *escc_require_lib(const char *bindir, const char *name,
                              const char *what) {
  char path[4096];
  int err = escc_find_lib(path, sizeof path, bindir, name);
  if (err) {
    fprintf(stderr,
            "escape-cc: error: %s '%s' not found in %s/../lib/escape or "
            "%s/../lib: %s\n",
            what, name, bindir, bindir, strerror(err));
    return NULL;
  }
  return escc_concat("", path);
}

/// Under a sanitizer that watches heap blocks, allocations stay where the
/// program put them (report only): ASan did not see an overflow or a use
/// after free of a block moved to the stack or the frame arena.  A later
/// -fplugin-arg-escape-transform=1 in the user's arguments still wins.
static int escc_push_plugin(escc_argv_t *out, const char *bindir,
                            const escc_mode_t *m) {
  char *plugin = escc_require_lib(bindir, ESCC_PLUGIN_NAME, "plugin");
  if (!plugin)
    return 1;
  char *flag = escc_concat("-fplugin=", plugin);
  free(plugin);
  if (!flag)
    return 1;
  if (escc_argv_push(out, flag) ||
      escc_argv_push(out, "-fplugin-arg-escape-arena=1"))
    return 1;
  if (m->sanitize_heap && escc_argv_push(out, "-fplugin-arg-escape-transform=0"))
    return 1;
  return 0;
}

static int escc_push_runtime(escc_argv_t *out, const char *bindir,
                             const escc_mode_t *m) {
  // A shared library gets the core with dynamic TLS: it may be dlopen()ed.
  const char *name = m->shared ? ESCC_RT_DSO_NAME
                     : m->sanitize ? ESCC_RT_CORE_NAME
                                   : ESCC_RT_NAME;
  char *lib = escc_require_lib(bindir, name, "runtime library");
  if (!lib)
    return 1;
  if (m->saw_x && (escc_argv_push(out, "-x") || escc_argv_push(out, "none")))
    return 1;
  // After -nostdlib or -nodefaultlibs the archive still comes (objects this
  // compiler transformed call it, and only what they call is pulled in),
  // but the libraries stay the user's: its calls resolve in the C library
  // they name (-lc), as the program's own do.
  if (escc_argv_push(out, lib) || (!m->no_default_libs && escc_argv_push(out, "-lpthread")))
    return 1;
  // The runtime a shared library carries is its own: none of its symbols
  // join the library's exports (39 esc_* functions did, which a symbols
  // file or an ABI check reports as new interfaces).
  if (m->shared && escc_argv_push(out, "-Wl,--exclude-libs," ESCC_RT_DSO_NAME))
    return 1;
  return 0;
}

/// Creates directory \p dir and its missing parents, as `mkdir -p`.  A
/// failure is left to the plugin, which names the report it cannot write.
static void escc_mkdir_p(const char *dir) {
  char *path = strdup(dir);
  if (!path)
    return;
  for (char *s = path + 1;; s++) {
    if (*s != '/' && *s)
      continue;
    char c = *s;
    *s = 0;
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
      break;
    *s = c;
    if (!c)
      break;
  }
  free(path);
}

/// With $ESCAPE_CC_REPORT_DIR set, asks the plugin for a report named after
/// the first C input and the process id, so that every compile of a build
/// leaves its own file (unless the command names a report itself).  The
/// folder is created when missing.
static int escc_push_report(escc_argv_t *out, const escc_mode_t *m) {
  const char *dir = getenv("ESCAPE_CC_REPORT_DIR");
  if (!dir || !*dir || m->has_report || !m->first_c)
    return 0;
  escc_mkdir_p(dir);
  const char *base = strrchr(m->first_c, '/');
  base = base ? base + 1 : m->first_c;
  size_t size = strlen(dir) + strlen(base) + 64;
  char *arg = malloc(size);
  if (!arg)
    return ENOMEM;
  snprintf(arg, size, "-fplugin-arg-escape-report=%s/%s.%ld.yaml", dir, base,
           (long)getpid());
  return escc_argv_push(out, arg);
}

/// Appends the $ESCAPE_CC_ARGS words; plugin arguments only when the plugin
/// is loaded, so that clang does not warn about them in other steps.
static int escc_push_env(escc_argv_t *out, const escc_argv_t *env,
                         bool plugin) {
  for (size_t i = 0; i < env->count; i++) {
    const char *a = env->items[i];
    if (!plugin && strncmp(a, "-fplugin-arg-escape-", 20) == 0)
      continue;
    if (escc_argv_push(out, a))
      return 1;
  }
  return 0;
}

/// Appends the user's arguments without a `--`: the words after it are
/// inputs, and escape-cc's own options and libraries come after them, where
/// clang took them for file names (`no such file or directory:
/// '-lpthread'`).  An input after `--` that starts with '-' becomes "./"
/// and the name, the same file; "-" stays standard input.
static int escc_push_user(escc_argv_t *out, char *const *argv, size_t argc) {
  size_t i = 0;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (escc_argv_push(out, argv[i]))
      return 1;
  for (i++; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '-' && a[1]) {
      size_t n = strlen(a) + 3;
      char *path = malloc(n);
      if (!path)
        return 1;
      snprintf(path, n, "./%s", a);
      a = path; // stays allocated for the exec
    }
    if (escc_argv_push(out, a))
      return 1;
  }
  return 0;
}

int escc_build_command(escc_argv_t *out, const char *bindir,
                       char *const *argv, size_t argc) {
  escc_argv_t env = {0}, all = {0};
  escc_mode_t mode;
  int rc = escc_env_args(&env);
  if (!rc)
    rc = escc_argv_push_all(&all, argv, argc) ||
         escc_argv_push_all(&all, env.items, env.count) ||
         escc_classify(&mode, all.items, all.count);
  escc_argv_free(&all);
  if (rc)
    return 1;
  // clang++ compiles every source as C++, which the analysis leaves alone.
  bool plugin = escc_mode_compiles_c(&mode) && !escc_cxx;
  bool runtime = escc_mode_links(&mode) && !mode.relocatable && !mode.foreign_target;
  rc = escc_argv_push(out, escc_clang_path());
  if (!rc && plugin)
    rc = escc_push_plugin(out, bindir, &mode) || escc_push_report(out, &mode);
  if (!rc)
    rc = escc_push_user(out, argv, argc) || escc_push_env(out, &env, plugin);
  if (!rc && runtime)
    rc = escc_push_runtime(out, bindir, &mode);
  escc_argv_free(&env); // the words stay allocated for the exec
  return rc;
}

int escc_main(int argc, char **argv) {
  char bindir[4096];
  escc_set_mode(argv[0]);
  int err = escc_self_dir(bindir, sizeof bindir);
  if (err) {
    escc_error("cannot find the escape-cc executable: %s%s", strerror(err),
               "");
    return 1;
  }
  escc_argv_t cmd = {0};
  if (escc_build_command(&cmd, bindir, argv + 1, (size_t)(argc - 1)))
    return 1;
  const char *clang = cmd.items[0];
  cmd.items[0] = (char *)escc_clang_argv0(clang);
  int about = escc_about_wanted(argv + 1, (size_t)(argc - 1));
  if (about) {
    // clang answers first, as it would alone; escape-cc adds its lines.
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
      escc_error("cannot run clang '%s': %s", clang, strerror(errno));
      return 126;
    }
    if (pid > 0) {
      int status = 0;
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        escc_about_print(about, bindir);
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
  }
  if (strchr(clang, '/'))
    execv(clang, cmd.items);
  else
    execvp(clang, cmd.items);
  err = errno;
  escc_error("cannot run clang '%s': %s", clang, strerror(err));
  return err == ENOENT ? 127 : 126;
}
