//===- TailCalls.cpp - Calls plain code may turn into jumps --------------===//
//
// At -O2 clang turns a recursive call in tail position into a loop (tail
// recursion elimination, accumulators included) or a jump (the x86-64
// sibling call), so the recursion runs in constant stack:
//
//     long count(long n, long acc) {
//       char *b = malloc(24);  ...  free(b);
//       if (n == 0) return acc;
//       return count(n - 1, acc);      // a loop in plain code
//     }
//
// A promoted object gives the function a frame whose leave runs after the
// call, which is then no longer in tail position: each level kept its
// stack frame, and a recursion three million deep that plain code runs as
// a loop overflowed an 8 MiB stack.  The policy keeps the objects of such
// a function on the heap (Policy.cpp), found here from the AST.
//
//===----------------------------------------------------------------------===//
#include "TailCalls.h"
#include "Summary.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

using namespace clang;
using escape::analysis::CallBackTest;
using escape::analysis::trustedDefinition;

namespace {

class TailFinder {
public:
  TailFinder(const llvm::DenseSet<const FunctionDecl *> &Targets, bool Hidden,
             CallBackTest MayCallBack)
      : Targets(Targets), Hidden(Hidden), MayCallBack(MayCallBack) {}
  bool Found = false;

  /// Visits \p S; \p Tail: nothing runs after it but the function's return.
  void stmt(const Stmt *S, bool Tail, bool BreakEnds) {
    if (!S || Found)
      return;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      if (R->getRetValue())
        Found = returned(R->getRetValue());
      return;
    }
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      const Stmt *const *B = CS->body_begin();
      unsigned N = CS->size();
      for (unsigned I = 0; I != N; ++I) {
        bool T = Tail;
        if (I + 1 != N) {
          const Stmt *Next = B[I + 1];
          const auto *R = dyn_cast<ReturnStmt>(Next);
          T = (R && !R->getRetValue()) || (BreakEnds && isa<BreakStmt>(Next));
        }
        stmt(B[I], T, BreakEnds);
      }
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      stmt(If->getThen(), Tail, BreakEnds);
      stmt(If->getElse(), Tail, BreakEnds);
      return;
    }
    if (const auto *L = dyn_cast<LabelStmt>(S)) {
      stmt(L->getSubStmt(), Tail, BreakEnds);
      return;
    }
    if (const auto *C = dyn_cast<SwitchCase>(S)) {
      stmt(C->getSubStmt(), Tail, BreakEnds);
      return;
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      stmt(Sw->getBody(), Tail, Tail);
      return;
    }
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (Tail)
        Found = returned(E);
      return;
    }
    // Loops and the rest: only their returns (and `f(); return;`) count.
    for (const Stmt *Child : S->children())
      stmt(Child, false, false);
  }

private:
  bool target(const CallExpr *C) const {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F)
      return Hidden;
    const FunctionDecl *Def = trustedDefinition(F);
    if (!Def)
      return Hidden && MayCallBack(C, F);
    return Targets.count(Def) != 0;
  }

  /// \p E's value is the function's result: is a target call its last act?
  bool returned(const Expr *E) const {
    E = E->IgnoreParenCasts();
    if (const auto *C = dyn_cast<CallExpr>(E))
      return target(C);
    if (const auto *CO = dyn_cast<ConditionalOperator>(E))
      return returned(CO->getTrueExpr()) || returned(CO->getFalseExpr());
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      switch (BO->getOpcode()) {
      case BO_Comma:
      case BO_LAnd:
      case BO_LOr:
        return returned(BO->getRHS());
      case BO_Add:
      case BO_Mul:
      case BO_And:
      case BO_Or:
      case BO_Xor:
        return returned(BO->getLHS()) || returned(BO->getRHS());
      default:
        return false;
      }
    }
    return false;
  }

  const llvm::DenseSet<const FunctionDecl *> &Targets;
  bool Hidden;
  CallBackTest MayCallBack;
};

} // namespace

bool escape::analysis::makesTailCall(const FunctionDecl *FD,
                                     const llvm::DenseSet<const FunctionDecl *> &Targets,
                                     bool Hidden, CallBackTest MayCallBack) {
  TailFinder T(Targets, Hidden, MayCallBack);
  T.stmt(FD->getBody(), FD->getReturnType()->isVoidType(), false);
  return T.Found;
}
