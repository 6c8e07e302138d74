//===- about.c - escape-cc's own lines after clang's --version / --help ---===//
//
// `escape-cc --version` and `--help` are clang's answers, unchanged, so that
// configure scripts and build systems that read them see clang-19; then
// escape-cc adds what it is (its version, the plugin and runtime it uses)
// and, for --help, its own arguments and environment variables.
//
//===----------------------------------------------------------------------===//
#include "driver.h"
#include "escape-cc-config.h"

#include <stdio.h>
#include <string.h>

static const char escc_help_text[] =
    "\nESCAPE-CC (escape " ESCAPE_CC_VERSION "): clang with the escape analysis plugin and runtime\n"
    "Plugin arguments, -fplugin-arg-escape-NAME=VALUE (docs/user-guide.md):\n"
    "  m=0|1|2              remarks: one per allocation site and leaking parameter; 2 adds flow notes\n"
    "  report=PATH|-        write the YAML report of every allocation site\n"
    "  transform=0|1        0: report only, change no code\n"
    "  arena=0|1            allow the frame arena (escape-cc sets 1)\n"
    "  stack-limit=BYTES    largest object put on the stack (1024)\n"
    "  small-stack=BYTES    stack slot of a dynamic-size malloc/calloc/strdup, used when the size fits (64)\n"
    "  frame-budget=BYTES   stack bytes promoted per function (1024)\n"
    "  chain-budget=BYTES   stack bytes promoted along a chain of calls (4096)\n"
    "  arena-cap=BYTES      largest constant size put in the frame arena (1048576)\n"
    "  solver-budget=N      analysis steps per function; past it its sites stay on the heap (4194304)\n"
    "  bisect=y|n|BITS[+BITS...] transform only the sites whose hash ends in BITS (escape-bisect)\n"
    "  trace=0|1            print every action of the transformation\n"
    "  stdio-hooks=0|1      printf conversions or custom streams made in another file\n"
    "Environment (docs/escape-cc.md):\n"
    "  ESCAPE_CC_ARGS       more arguments, split like a shell would, after the command line's\n"
    "  ESCAPE_CC_REPORT_DIR each C compile writes its report to DIR/<source>.<pid>.yaml\n"
    "  ESCAPE_CC_CLANG      the clang to run instead of " ESCAPE_CC_CLANG_NAME "\n"
    "  ESCAPE_CC_CLANGXX    the clang++ escape-c++ runs instead of " ESCAPE_CC_CLANGXX_NAME "\n"
    "  ESCAPE_RT_*          options of the runtime, read by the program built (docs/runtime.md)\n";

int escc_about_wanted(char *const *argv, size_t argc) {
  int want = 0;
  for (size_t i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--version") == 0) want |= 1;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-help") == 0) want |= 2;
  }
  return want;
}

void escc_about_print(int want, const char *bindir) {
  if (want & 1) {
    char plugin[4096], rt[4096];
    if (escc_find_lib(plugin, sizeof plugin, bindir, ESCC_PLUGIN_NAME)) strcpy(plugin, "(not found)");
    if (escc_find_lib(rt, sizeof rt, bindir, ESCC_RT_NAME)) strcpy(rt, "(not found)");
    printf("escape-cc %s: plugin %s, runtime %s\n", ESCAPE_CC_VERSION, plugin, rt);
  }
  if (want & 2) fputs(escc_help_text, stdout);
  fflush(stdout);
}
