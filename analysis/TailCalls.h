//===- TailCalls.h - Calls plain code may turn into jumps ----------------===//
#ifndef ESCAPE_ANALYSIS_TAILCALLS_H
#define ESCAPE_ANALYSIS_TAILCALLS_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace escape::analysis {

/// Whether a call to a function this file does not define may run code of
/// the program the call graph does not show (a call back).
using CallBackTest =
    llvm::function_ref<bool(const clang::CallExpr *, const clang::FunctionDecl *)>;

/// makesTailCall reports whether \p FD may call a function of \p Targets
/// (definitions), or, when \p Hidden is set, make an indirect call, one
/// to a function the file does not define that \p MayCallBack, or one to
/// a function of \p HiddenCallees (which may make such a call), in a
/// way the optimizer can turn into a jump or a loop: a call whose value is
/// returned (through parentheses, casts, the arms of `?:`, the right of
/// `,`, `&&` and `||`, or either side of an associative operator: LLVM's
/// tail recursion elimination keeps an accumulator), or a call statement
/// with nothing after it but a return, a `break` to the end, or the end of
/// a void function.  Clang's CFG adds the forms that come to the same
/// (`long r = f(n - 1); return r;`, `f(n - 1);;`, `do f(n - 1); while
/// (0);`): after the call only reads and writes of locals, no call and no
/// other store.  It errs towards yes.
bool makesTailCall(clang::ASTContext &Ctx, const clang::FunctionDecl *FD,
                   const llvm::DenseSet<const clang::FunctionDecl *> &Targets,
                   bool Hidden,
                   const llvm::DenseSet<const clang::FunctionDecl *> &HiddenCallees,
                   CallBackTest MayCallBack);

} // namespace escape::analysis

#endif
