//===- SmallSlot.h - Stack slots for small dynamic sizes ------------------===//
#ifndef ESCAPE_REWRITER_SMALLSLOT_H
#define ESCAPE_REWRITER_SMALLSLOT_H

namespace llvm {
class Function;
} // namespace llvm

namespace escape::rewriter {

/// splitSmall gives every arena allocation of \p F that carries
/// !escape.small its stack slot (SmallSlot.cpp).  Returns whether it
/// changed \p F.
bool splitSmall(llvm::Function &F);

} // namespace escape::rewriter

#endif
