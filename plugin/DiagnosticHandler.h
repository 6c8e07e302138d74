//===- DiagnosticHandler.h - The plugin's diagnostics --------------------===//
#ifndef ESCAPE_PLUGIN_DIAGNOSTICHANDLER_H
#define ESCAPE_PLUGIN_DIAGNOSTICHANDLER_H

#include "Outcome.h"

#include "llvm/ADT/StringRef.h"

namespace clang {
class DiagnosticsEngine;
}

namespace escape::plugin {

/// Maps analysis results and plugin errors to Clang diagnostics.  Every
/// diagnostic text of the plugin lives in DiagnosticHandler.cpp.
class DiagnosticHandler {
public:
  explicit DiagnosticHandler(clang::DiagnosticsEngine &D) : D(D) {}

  /// Level 1: one remark per site; level 2 adds a note per flow step.
  void site(const analysis::AllocSite &S, const Outcome &O, unsigned Level);
  void leak(const analysis::LeakingParam &L);

  void unknownArgument(llvm::StringRef Arg);
  void badValue(llvm::StringRef Name, llvm::StringRef Value);
  void cannotWriteReport(llvm::StringRef Path, llvm::StringRef Why);
  void badPragma(uint64_t RawLoc);

private:
  clang::DiagnosticsEngine &D;
};

} // namespace escape::plugin

#endif
