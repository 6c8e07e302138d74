//===- InlineGuard.h - Keep stack storage out of recursive frames ----------===//
//
// Stops the inliner from moving a function's promoted stack storage into
// the frame of a recursive function, where every level would hold a copy.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITER_INLINEGUARD_H
#define ESCAPE_REWRITER_INLINEGUARD_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <string>

namespace llvm {
class Function;
class raw_ostream;
} // namespace llvm

namespace escape::rewriter {

/// guardRecursiveCallers marks `noinline` every direct call from a function
/// named in \p Recursive to a function that holds promoted stack storage,
/// the functions in \p Stack, or may take it in by inlining one of them;
/// such a function whose address is taken is marked `noinline` itself.
/// Traces each call marked to \p Trace when it is not null.  Returns the
/// number of calls marked.
unsigned guardRecursiveCallers(const llvm::SmallPtrSetImpl<llvm::Function *> &Stack,
                               llvm::ArrayRef<std::string> Recursive,
                               llvm::raw_ostream *Trace);

/// inlinedIntoRecursion reports whether stack storage in \p F would reach a
/// function named in \p Recursive through a call the guard cannot keep
/// from inlining: one marked `alwaysinline` at the call (clang marks every
/// call in a `flatten` function so), directly or through callers that take
/// \p F in, or an `alwaysinline` one of them whose address is taken.  Such
/// a function must hold no stack storage.
bool inlinedIntoRecursion(llvm::Function &F, llvm::ArrayRef<std::string> Recursive);

} // namespace escape::rewriter

#endif
