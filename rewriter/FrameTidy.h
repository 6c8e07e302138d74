//===- FrameTidy.h - Last touches to the frame-arena calls ----------------===//
//
// The pass that runs at the end of the optimization pipeline over the
// frame-arena calls FrameRewrite.cpp made.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITER_FRAMETIDY_H
#define ESCAPE_REWRITER_FRAMETIDY_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class Instruction;
} // namespace llvm

namespace escape::rewriter {

/// calleeName returns the name of \p I's direct callee, or "".
llvm::StringRef calleeName(const llvm::Instruction *I);

/// FrameTidyPass drops the frames whose arena allocations the optimizer
/// deleted, and fuses an esc_frame_enter with the allocation right after it
/// and an esc_frame_free with the leave right after it into one call each.
class FrameTidyPass : public llvm::PassInfoMixin<FrameTidyPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
  static llvm::StringRef name() { return "escape-frame-tidy"; }
};

} // namespace escape::rewriter

#endif
