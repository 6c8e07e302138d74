//===- FrameRewrite.h - Apply escape verdicts to LLVM IR -----------------===//
//
// The in-compile transformation: a module pass, registered at the start of
// CodeGen's pipeline, that turns the promoted allocation sites of a TUResult
// into stack or frame-arena storage and rewrites the matching free() calls.
// docs/transformation.md describes what the pass emits.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITER_FRAMEREWRITE_H
#define ESCAPE_REWRITER_FRAMEREWRITE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class PassBuilder;
} // namespace llvm

namespace escape::analysis {
struct TUResult;
}

namespace escape::rewriter {

/// Options of the rewrite, set from plugin arguments.
struct RewriteOptions {
  bool Enabled = true;    ///< false: report only
  /// The frame arena runtime is linked (plugin argument `arena`): setjmp
  /// calls are bracketed to release what a longjmp back skips.
  bool Arena = false;
  std::string Bisect;     ///< hash pattern selecting sites, "" = all
  unsigned Trace = 0;     ///< >0: print what the pass does to stderr
  /// Safety limits, re-checked in the IR: a Stack site larger than
  /// MaxStackObject, or one that would take the function's promoted stack
  /// past MaxStackFrame, is left on the heap and reported.
  uint64_t MaxStackObject = 4096;
  uint64_t MaxStackFrame = 16384;
};

/// What the pass did with one AllocSite.
enum class SiteAction : uint8_t {
  Untouched,   ///< Place == Heap, or the pass did not run
  NotSelected, ///< excluded by the bisect pattern
  Declined,    ///< the IR disagreed with the verdict; see Why
  Stack,       ///< now an alloca in the entry block
  Arena        ///< now an esc_frame_* call
};

/// What the pass did with one FreeSite.
enum class FreeAction : uint8_t {
  Untouched, ///< none of its sites was transformed
  Declined,  ///< no unique matching call; its sites were declined too
  Removed,   ///< erased: it only ever released stack storage
  Redirected ///< now skips stack storage and calls esc_frame_free or free
};

/// The outcome of one run, indexed like TUResult::Sites and TUResult::Frees,
/// so the plugin can report what really happened after the pipeline ran.
struct RewriteLog {
  std::vector<SiteAction> Sites;
  std::vector<std::string> SiteWhy; ///< reason for Declined/NotSelected
  std::vector<FreeAction> Frees;
  bool Ran = false;
};

/// Registers the rewrite pass with \p PB so that it runs at pipeline start
/// (also at -O0).  \p Result is filled by the analysis before the pipeline
/// runs; the pass reads it then.  \p Log, when given, receives the outcome.
void registerFrameRewrite(llvm::PassBuilder &PB,
                          std::shared_ptr<const analysis::TUResult> Result,
                          const RewriteOptions &Opts,
                          std::shared_ptr<RewriteLog> Log = nullptr);

/// Applies \p Result to \p M directly, as the registered pass does; returns
/// whether the module changed.
bool rewriteModule(llvm::Module &M, const analysis::TUResult &Result,
                   const RewriteOptions &Opts, RewriteLog *Log = nullptr);

/// siteKey returns "File:Line:Column", the key the bisect pattern hashes.
std::string siteKey(const std::string &File, unsigned Line, unsigned Column);

/// siteHash returns the 64-bit FNV-1a hash of \p Key.
uint64_t siteHash(const std::string &Key);

/// siteSelected reports whether the bisect \p Pattern enables the site with
/// \p Key: "" or "y" selects all, "n" none; a string of '0'/'1' bits B
/// selects the sites whose hash's low |B| bits equal B, read with the last
/// character as bit 0.  Any other pattern selects none.
bool siteSelected(const std::string &Key, const std::string &Pattern);

/// bisectPatternValid reports whether \p Pattern is one siteSelected accepts.
bool bisectPatternValid(const std::string &Pattern);

} // namespace escape::rewriter

#endif
