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
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallPtrSet.h"

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

  bool target(const CallExpr *C) const {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F)
      return Hidden;
    const FunctionDecl *Def = trustedDefinition(F);
    if (!Def)
      return Hidden && MayCallBack(C, F);
    return Targets.count(Def) != 0;
  }

private:
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

/// Reports whether \p S is work the function does after a call, which
/// keeps the call from being its last act: a call, or a write to memory
/// other than its own local variables (`acc++` of a global, `*out = r`).
/// Reading, computing and setting locals is not: the optimizer folds
/// `long r = f(n - 1); return r;` into `return f(n - 1);`.  A variable's
/// cleanup function (`__attribute__((cleanup))`) is a call.
static bool isWork(const Stmt *S, const CallExpr *Call) {
  auto local = [](const Expr *E) {
    const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() && !VD->getType().isVolatileQualified();
  };
  if (isa<CallExpr>(S))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      return !local(BO->getLHS());
    // The call's value taken into an operation tail recursion elimination
    // keeps no accumulator for (`return f(n - 1) - v;`).
    switch (BO->getOpcode()) {
    case BO_Add:
    case BO_Mul:
    case BO_And:
    case BO_Or:
    case BO_Xor:
    case BO_Comma:
    case BO_LAnd:
    case BO_LOr:
      return false;
    default:
      return BO->getLHS()->IgnoreParenCasts() == Call ||
             BO->getRHS()->IgnoreParenCasts() == Call;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() && !local(UO->getSubExpr());
  return false;
}

/// Reports whether a target call of \p FD may be followed by nothing but
/// the function's return on some path of Clang's CFG: statements that do
/// no work (isWork), empty statements, labels, `do ... while (0)`, a
/// `break` out of a loop, a statement expression.  A path that goes round
/// a loop again (a call in a loop body) does not count, as the syntactic
/// walk does not count it.
static bool tailOnCFG(ASTContext &Ctx, const FunctionDecl *FD, const TailFinder &T) {
  CFG::BuildOptions Opts;
  Opts.AddImplicitDtors = true; // cleanup functions
  std::unique_ptr<CFG> C = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (!C)
    return true; // no CFG: err towards yes
  const CFGBlock *Exit = &C->getExit();
  for (const CFGBlock *B : *C)
    for (unsigned I = 0, N = B->size(); I != N; ++I) {
      auto S = (*B)[I].getAs<CFGStmt>();
      const auto *Call = S ? dyn_cast<CallExpr>(S->getStmt()) : nullptr;
      if (!Call || !T.target(Call))
        continue;
      llvm::SmallPtrSet<const CFGBlock *, 16> Seen;
      std::vector<std::pair<const CFGBlock *, unsigned>> Work{{B, I + 1}};
      while (!Work.empty()) {
        auto [At, From] = Work.back();
        Work.pop_back();
        if (At == Exit)
          return true;
        bool Stops = false;
        for (unsigned K = From, M = At->size(); K < M && !Stops; ++K) {
          if (auto E = (*At)[K].getAs<CFGStmt>())
            Stops = isWork(E->getStmt(), Call);
          else
            Stops = (*At)[K].getAs<CFGCleanupFunction>().has_value();
        }
        if (Stops)
          continue;
        for (const CFGBlock::AdjacentBlock &Succ : At->succs()) {
          const CFGBlock *Next = Succ.getReachableBlock();
          // The block that takes a loop round again.
          if (!Next || Next->getLoopTarget() || !Seen.insert(Next).second)
            continue;
          Work.push_back({Next, 0});
        }
      }
    }
  return false;
}

} // namespace

bool escape::analysis::makesTailCall(ASTContext &Ctx, const FunctionDecl *FD,
                                     const llvm::DenseSet<const FunctionDecl *> &Targets,
                                     bool Hidden, CallBackTest MayCallBack) {
  TailFinder T(Targets, Hidden, MayCallBack);
  T.stmt(FD->getBody(), FD->getReturnType()->isVoidType(), false);
  return T.Found || tailOnCFG(Ctx, FD, T);
}
