//===- FrameRewrite.h - Apply escape verdicts to LLVM IR -----------------===//
//
// The in-compile transformation: a module pass, registered at the start of
// CodeGen's pipeline, that turns the promoted allocation sites of a TUResult
// into stack or frame-arena storage and rewrites the matching free() calls.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITER_FRAMEREWRITE_H
#define ESCAPE_REWRITER_FRAMEREWRITE_H

#include <memory>
#include <string>

namespace llvm {
class PassBuilder;
}

namespace escape::analysis {
struct TUResult;
}

namespace escape::rewriter {

/// Options of the rewrite, set from plugin arguments.
struct RewriteOptions {
  bool Enabled = true;    ///< false: report only
  std::string Bisect;     ///< hash pattern selecting sites, "" = all
  unsigned Trace = 0;     ///< >0: print what the pass does to stderr
};

/// Registers the rewrite pass with \p PB so that it runs at pipeline start
/// (also at -O0).  \p Result is filled by the analysis before the pipeline
/// runs; the pass reads it then.
void registerFrameRewrite(llvm::PassBuilder &PB,
                          std::shared_ptr<const analysis::TUResult> Result,
                          const RewriteOptions &Opts);

} // namespace escape::rewriter

#endif
