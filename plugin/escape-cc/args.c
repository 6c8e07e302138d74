//===- args.c - Classify a clang command line -----------------------------===//
//
// This file implements escc_classify: it walks the user's arguments the way
// the clang driver does, only far enough to know whether the command compiles
// C (needs the plugin), links (needs the runtime) or only asks a question.
// Options that take their value in the next argument must be listed in
// escc_separate_options, or that value would be read as an input file.
//
//===----------------------------------------------------------------------===//
#include "driver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The input languages escape-cc tells apart.
typedef enum escc_lang_e {
  ESCC_LANG_AUTO, ///< no -x, or -x none: from the file name
  ESCC_LANG_C,
  ESCC_LANG_HEADER,
  ESCC_LANG_OTHER_SOURCE, ///< assembler, C++, Objective-C, ...
  ESCC_LANG_LINKER ///< objects, archives, shared libraries
} escc_lang_t;

/// Driver options whose value is the next argument when written alone.
static const char *const escc_separate_options[] = {
    "-o", "-x", "-I", "-D", "-U", "-L", "-l", "-MF", "-MT", "-MQ", "-MJ",
    "-include", "-imacros", "-isystem", "-iquote", "-idirafter", "-iprefix",
    "-iwithprefix", "-iwithprefixbefore", "-isysroot", "-iwithsysroot",
    "-imultilib", "-ivfsoverlay", "-isystem-after", "-iframework",
    "-iframeworkwithsysroot", "-iembed-dir", "-F", "-Xlinker", "-Xassembler",
    "-Xpreprocessor", "-Xclang", "-Xanalyzer", "-Xopenmp-target",
    "-Xoffload-linker", "-Xcuda-fatbinary", "-Xcuda-ptxas", "-mllvm",
    "-target", "-arch", "-T", "-u", "-z", "-e", "-A", "-B", "-G",
    "--sysroot", "--serialize-diagnostics", "-serialize-diagnostics",
    "-dependency-file", "-dependency-dot", "--param", "-working-directory",
    "-resource-dir", "-rpath", "--output", "--include-directory",
    "--define-macro", "--undefine-macro", "--library-directory", "--include",
    "--prefix", "--config", "-aux-target", "-dumpdir", "-install_name",
    "-exported_symbols_list", "-unexported_symbols_list", "-allowable_client",
    "-bundle_loader", "-compatibility_version", "-current_version",
    "-seg1addr", "-sectorder", "-segprot", "-init", "-read_only_relocs",
    "-weak_library", "-weak_framework", "-framework", "-multiply_defined",
    "-umbrella", "-sub_library", "-sub_umbrella", "-image_base",
    "-dylib_file", "-dylinker_install_name", "-filelist", "-force_load",
    "-reexport-l", "-reexport_library", "-lazy_library", "-lazy_framework",
    "-object_path_lto", "-order_file", "-pagezero_size", "-seg_addr_table",
    "-seg_addr_table_filename", "-segs_read_only_addr", "-segs_read_write_addr",
    "-undefined", "-unexported_symbols_list", "-weak_reference_mismatches",
    "-gcc-toolchain", "-ccc-install-dir", "-ccc-gcc-name",
};

/// Options that make clang answer a question and do nothing else.
static const char *const escc_query_options[] = {
    "--version", "-dumpversion", "-dumpmachine", "--help", "-help",
    "--help-hidden", "-print-search-dirs", "-print-libgcc-file-name",
    "-print-multi-directory", "-print-multi-lib", "-print-multi-os-directory",
    "-print-multi-flags-experimental", "-print-resource-dir",
    "-print-runtime-dir", "-print-target-triple",
    "-print-effective-triple", "-print-supported-cpus",
    "-print-supported-extensions", "-print-targets", "-print-rocm-search-dirs",
    "-print-enabled-extensions", "-print-library-module-manifest-path",
};

static bool escc_in(const char *arg, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(arg, list[i]) == 0)
      return true;
  return false;
}

#define ESCC_IN(arg, list) escc_in(arg, list, sizeof list / sizeof list[0])

static bool escc_has_prefix(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/// Reads the language named by -x.
static escc_lang_t escc_lang_from_x(const char *name) {
  if (strcmp(name, "none") == 0)
    return ESCC_LANG_AUTO;
  if (strcmp(name, "c") == 0 || strcmp(name, "cpp-output") == 0)
    return ESCC_LANG_C;
  if (strcmp(name, "c-header") == 0 || strcmp(name, "c-header-unit") == 0)
    return ESCC_LANG_HEADER;
  return ESCC_LANG_OTHER_SOURCE;
}

/// Reads the language clang infers from a file name.
static escc_lang_t escc_lang_from_name(const char *path) {
  static const char *const other[] = {
      "s", "S", "sx", "asm", "cc", "cp", "cxx", "cpp", "CPP", "c++", "C",
      "ii", "m", "mi", "mm", "M", "mii", "cu", "cl", "clcpp", "hip",
      "f", "for", "f90", "f95", "F", "F90", "hh", "hpp", "hxx", "H", "h++",
      "cppm", "ixx", "ll", "bc", "ast", "pcm", "ads", "adb"};
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash + 1 : path, '.');
  if (!dot)
    return ESCC_LANG_LINKER;
  const char *ext = dot + 1;
  if (strcmp(ext, "c") == 0 || strcmp(ext, "i") == 0)
    return ESCC_LANG_C;
  if (strcmp(ext, "h") == 0)
    return ESCC_LANG_HEADER;
  if (ESCC_IN(ext, other))
    return ESCC_LANG_OTHER_SOURCE;
  return ESCC_LANG_LINKER;
}

static void escc_count_input(escc_mode_t *m, escc_lang_t lang,
                             const char *path) {
  if (lang == ESCC_LANG_AUTO)
    lang = strcmp(path, "-") == 0 ? ESCC_LANG_OTHER_SOURCE
                                  : escc_lang_from_name(path);
  m->inputs++;
  if (lang == ESCC_LANG_C && !m->c_inputs++)
    m->first_c = path;
  else if (lang == ESCC_LANG_HEADER)
    m->header_inputs++;
}

/// Notes the target triple of --target= or -target: the runtime is built
/// for x86_64 Linux only.
static void escc_note_target(escc_mode_t *m, const char *triple) {
  m->foreign_target = !escc_has_prefix(triple, "x86_64") || !strstr(triple, "linux") ||
                      strstr(triple, "gnux32") != NULL;
}

/// Sets the mode bits of a flag that takes no value.
static void escc_note_flag(escc_mode_t *m, const char *a) {
  if (strcmp(a, "-c") == 0 || strcmp(a, "-S") == 0 ||
      strcmp(a, "-fsyntax-only") == 0 || strcmp(a, "--precompile") == 0 ||
      strcmp(a, "-emit-ast") == 0 || strcmp(a, "--analyze") == 0)
    m->stop_before_link = true;
  else if (strcmp(a, "-E") == 0 || strcmp(a, "-M") == 0 ||
           strcmp(a, "-MM") == 0 || strcmp(a, "--preprocess") == 0)
    m->stop_before_link = m->preprocess_only = true;
  else if (ESCC_IN(a, escc_query_options) || escc_has_prefix(a, "-print-") ||
           escc_has_prefix(a, "--print-"))
    m->query_only = true;
  else if (strcmp(a, "-shared") == 0 || strcmp(a, "--shared") == 0)
    m->shared = true;
  else if (strcmp(a, "-r") == 0)
    m->relocatable = true;
  else if (strcmp(a, "-m32") == 0 || strcmp(a, "-mx32") == 0 || strcmp(a, "-m16") == 0)
    m->foreign_target = true;
  else if (escc_has_prefix(a, "--target="))
    escc_note_target(m, a + strlen("--target="));
  else if (strcmp(a, "-m64") == 0)
    m->foreign_target = false;
  else if (strcmp(a, "-nostdlib") == 0 || strcmp(a, "-nodefaultlibs") == 0 ||
           strcmp(a, "--no-standard-libraries") == 0)
    m->no_default_libs = true;
  else if (escc_has_prefix(a, "-fsanitize=")) {
    m->sanitize = true;
    static const char *const heap[] = {"address", "memory", "thread", "leak", "hwaddress"};
    for (const char *p = a + strlen("-fsanitize="); *p;) {
      size_t n = strcspn(p, ",");
      for (size_t i = 0; i < sizeof heap / sizeof heap[0]; i++)
        if (strlen(heap[i]) == n && strncmp(p, heap[i], n) == 0) m->sanitize_heap = true;
      p += n + (p[n] == ',');
    }
  }
  else if (escc_has_prefix(a, "-fplugin-arg-escape-report="))
    m->has_report = true;
}

typedef struct escc_walk_s {
  escc_mode_t *mode;
  escc_lang_t lang; ///< the sticky -x language
  int depth;        ///< response file nesting
} escc_walk_t;

static int escc_walk(escc_walk_t *w, char *const *argv, size_t argc);

/// Reads a response file and walks its words.  Unreadable files are left to
/// clang to report.
static int escc_walk_response_file(escc_walk_t *w, const char *path) {
  if (w->depth >= 16)
    return 0;
  FILE *f = fopen(path, "r");
  if (!f)
    return 0;
  size_t cap = 4096, len = 0;
  char *text = malloc(cap);
  int err = text ? 0 : ENOMEM;
  while (!err) {
    len += fread(text + len, 1, cap - len - 1, f);
    if (len + 1 < cap)
      break;
    char *bigger = realloc(text, cap *= 2);
    if (!bigger)
      err = ENOMEM;
    else
      text = bigger;
  }
  fclose(f);
  escc_argv_t words = {0};
  if (!err) {
    text[len] = '\0';
    err = escc_split_words(&words, text);
    if (err == EINVAL)
      err = 0; // clang reports the broken quote
  }
  if (!err) {
    w->depth++;
    err = escc_walk(w, words.items, words.count);
    w->depth--;
  }
  free(text);
  escc_argv_free(&words);
  return err;
}

/// Handles an option that takes a value, either joined or in \p next.
/// Returns how many extra arguments it consumed (0 or 1), or -1 when \p a
/// is not such an option.
static int escc_walk_valued(escc_walk_t *w, const char *a, const char *next) {
  if (escc_has_prefix(a, "-x")) {
    const char *lang = a[2] ? a + 2 : next;
    if (lang) {
      w->lang = escc_lang_from_x(lang);
      w->mode->saw_x = true;
    }
    return a[2] ? 0 : 1;
  }
  if (ESCC_IN(a, escc_separate_options) || escc_has_prefix(a, "-Xarch_")) {
    if (strcmp(a, "-l") == 0 && next)
      w->mode->inputs++;
    if (strcmp(a, "-target") == 0 && next)
      escc_note_target(w->mode, next);
    return next ? 1 : 0;
  }
  return -1;
}

static int escc_walk(escc_walk_t *w, char *const *argv, size_t argc) {
  for (size_t i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '@' && a[1]) {
      int err = escc_walk_response_file(w, a + 1);
      if (err)
        return err;
      continue;
    }
    if (a[0] != '-' || a[1] == '\0') {
      escc_count_input(w->mode, w->lang, a);
      continue;
    }
    int used = escc_walk_valued(w, a, i + 1 < argc ? argv[i + 1] : NULL);
    if (used >= 0) {
      i += (size_t)used;
      continue;
    }
    if (escc_has_prefix(a, "-l"))
      w->mode->inputs++;
    escc_note_flag(w->mode, a);
  }
  return 0;
}

int escc_classify(escc_mode_t *out, char *const *argv, size_t argc) {
  escc_mode_t mode = {0};
  escc_walk_t walk = {&mode, ESCC_LANG_AUTO, 0};
  int err = escc_walk(&walk, argv, argc);
  if (err)
    return err;
  *out = mode;
  return 0;
}

bool escc_mode_links(const escc_mode_t *m) {
  return m->inputs > 0 && m->inputs > m->header_inputs && !m->query_only &&
         !m->stop_before_link;
}

bool escc_mode_compiles_c(const escc_mode_t *m) {
  return m->c_inputs > 0 && !m->query_only && !m->preprocess_only;
}
