//===- JmpRestore.h - Release skipped frames after a longjmp ---------------===//
//
// Brackets setjmp calls with the frame arena's save and restore, so that a
// longjmp back releases the arena objects of the frames it skipped.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITER_JMPRESTORE_H
#define ESCAPE_REWRITER_JMPRESTORE_H

#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace llvm {
class Module;
}

namespace escape::rewriter {

/// bracketSetjmps puts `t = esc_frame_jmp_save()` before every call of the
/// setjmp family (setjmp, _setjmp, sigsetjmp, __sigsetjmp) in the functions
/// \p M defines, and `esc_frame_jmp_restore(t)` right after it, except in
/// the functions named in \p Excluded.  Returns whether \p M changed.
bool bracketSetjmps(llvm::Module &M, llvm::ArrayRef<std::string> Excluded);

} // namespace escape::rewriter

#endif
