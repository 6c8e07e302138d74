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
#include "Builder.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using escape::analysis::CallBackTest;
using escape::analysis::trustedDefinition;
using escape::analysis::varWritten;

namespace {

class TailFinder {
public:
  TailFinder(const llvm::DenseSet<const FunctionDecl *> &Targets, bool Hidden,
             const llvm::DenseSet<const FunctionDecl *> &HiddenCallees,
             CallBackTest MayCallBack)
      : Targets(Targets), Hidden(Hidden), HiddenCallees(HiddenCallees),
        MayCallBack(MayCallBack) {}
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
    // A function of the file that may itself make the hidden call back.
    return Targets.count(Def) != 0 || (Hidden && HiddenCallees.count(Def) != 0);
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
  const llvm::DenseSet<const FunctionDecl *> &HiddenCallees;
  CallBackTest MayCallBack;
};

/// Reports whether a call to \p F is one the optimizer may delete or fold
/// away: a hint (__builtin_expect, __builtin_assume), or a copy or fill
/// of memory, which is gone when the memory is a local's.
static bool removableCall(const FunctionDecl *F) {
  if (!F || !F->getIdentifier())
    return false;
  llvm::StringRef N = F->getName();
  N.consume_front("__builtin_");
  return llvm::is_contained({"expect", "expect_with_probability", "assume", "unreachable",
                             "constant_p", "object_size", "dynamic_object_size", "prefetch",
                             "memcpy", "memmove", "memset", "bzero", "explicit_bzero"},
                            N);
}

/// The base of the memory an lvalue writes: the variable it names through
/// members and elements, and whether the way there went through a pointer.
static const VarDecl *writtenBase(const Expr *E, bool &ThroughPointer) {
  ThroughPointer = false;
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      ThroughPointer |= M->isArrow();
      E = M->getBase();
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      ThroughPointer |= !A->getBase()->IgnoreParenImpCasts()->getType()->isArrayType();
      E = A->getBase();
    } else if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref) {
      ThroughPointer = true;
      E = U->getSubExpr();
    } else {
      break;
    }
  }
  const auto *DR = dyn_cast<DeclRefExpr>(E);
  return DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
}

/// Reports whether local \p V of the function \p Body only ever holds the
/// address of a local of it (`long *q = &r;`, never assigned again).
static bool pointsToLocal(const VarDecl *V, const Stmt *Body) {
  const Expr *I = V->getInit();
  if (!I || isa<ParmVarDecl>(V) || !V->hasLocalStorage() || !Body || varWritten(Body, V))
    return false;
  I = I->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(I); U && U->getOpcode() == UO_AddrOf)
    I = U->getSubExpr();
  bool Through;
  const VarDecl *B = writtenBase(I, Through);
  return B && !Through && B->hasLocalStorage() && !isa<ParmVarDecl>(B);
}

/// Reports whether writing \p LHS is a store plain code keeps after
/// optimization: to a global or static variable, to volatile memory, or
/// through a pointer other than one that only holds a local's address of
/// the function \p Body (with no body, through any pointer).  A store to
/// a local, its fields and elements, or through such a pointer may fold
/// away, and the analysis errs towards a tail call.
static bool keptStore(const Expr *LHS, const Stmt *Body) {
  if (LHS->getType().isVolatileQualified())
    return true;
  bool Through;
  const VarDecl *V = writtenBase(LHS, Through);
  if (!V)
    return true;
  if (V->getType().isVolatileQualified() || V->hasGlobalStorage())
    return true;
  return Through && !pointsToLocal(V, Body);
}

/// Reports whether running \p F leaves a trace plain code keeps: a call
/// to code the file does not show (other than removableCall), an indirect
/// call, or a kept store (keptStore; a store through any pointer in the
/// callee's own body counts, what it points to is not known there).  A
/// function of the file without either is inlined and disappears (an
/// empty trace helper).  \p Depth bounds the walk through callees.
static bool hasEffects(const FunctionDecl *F, unsigned Depth,
                       llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen);

/// Reports whether a direct call to \p F (null: an indirect call) has
/// effects plain code keeps.
static bool callHasEffects(const FunctionDecl *F, unsigned Depth,
                           llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (!F)
    return true;
  if (removableCall(F))
    return false;
  const FunctionDecl *Def = trustedDefinition(F);
  return !Def || hasEffects(Def, Depth, Seen);
}

static bool stmtHasEffects(const Stmt *S, unsigned Depth,
                           llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    if (callHasEffects(C->getDirectCallee(), Depth + 1, Seen))
      return true;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp() && keptStore(BO->getLHS(), nullptr))
      return true;
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp() && keptStore(UO->getSubExpr(), nullptr))
      return true;
  } else if (isa<AsmStmt>(S)) {
    return true;
  }
  return !escape::analysis::allEvaluatedChildren(
      S, [&](const Stmt *Child) { return !stmtHasEffects(Child, Depth, Seen); });
}

static bool hasEffects(const FunctionDecl *F, unsigned Depth,
                       llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (Depth > 4 || !F->hasBody())
    return true;
  if (!Seen.insert(F).second)
    return false; // a cycle: judged by the rest of it
  return stmtHasEffects(F->getBody(), Depth, Seen);
}

/// callHasEffects for a call after the target call, with a fresh walk.
static bool callHasEffects(const FunctionDecl *F) {
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  return callHasEffects(F, 0, Seen);
}

/// Reports whether \p S is work the function does after a target call
/// \p Call, which keeps the call from being its last act in plain code
/// at -O2: a call with effects (hasEffects), a kept store (keptStore), or
/// an operation on the call's value that no accumulator of tail recursion
/// elimination stands for (`return f(n - 1) - v;`; with a constant, `f()
/// - 1` is an addition).  Anything else the optimizer may fold away, and
/// the analysis errs towards a tail call: `long r = f(n - 1); return r;`,
/// `return __builtin_expect(f(n - 1), 0);`, `s.k++` of a local.
static bool isWork(ASTContext &Ctx, const Stmt *S, const CallExpr *Call, const Stmt *Body) {
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    // Its arguments are elements of the CFG of their own.
    return C != Call && callHasEffects(C->getDirectCallee());
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      return keptStore(BO->getLHS(), Body);
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
    default: {
      const Expr *L = BO->getLHS()->IgnoreParenCasts(), *R = BO->getRHS()->IgnoreParenCasts();
      const Expr *Other = L == Call ? R : R == Call ? L : nullptr;
      return Other && !Other->isValueDependent() &&
             !Other->isIntegerConstantExpr(Ctx);
    }
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() && keptStore(UO->getSubExpr(), Body);
  return isa<AsmStmt>(S);
}

/// Reports whether a target call of \p FD may be followed by nothing but
/// the function's return on some path of Clang's CFG: statements that do
/// no work (isWork), empty statements, labels, `do ... while (0)`, a
/// `break` out of a loop, a statement expression, a loop's next round
/// (erring towards a tail call: a loop that runs once is unrolled).
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
          if (auto E = (*At)[K].getAs<CFGStmt>()) {
            Stops = isWork(Ctx, E->getStmt(), Call, FD->getBody());
          } else if (auto CF = (*At)[K].getAs<CFGCleanupFunction>()) {
            Stops = callHasEffects(CF->getFunctionDecl());
          }
        }
        if (Stops)
          continue;
        for (const CFGBlock::AdjacentBlock &Succ : At->succs()) {
          const CFGBlock *Next = Succ.getReachableBlock();
          // Round a loop again too: a loop the optimizer unrolls (`for (i
          // = 0; i < 1; i++) r = f(n - 1);`) leaves the call last.
          if (!Next || !Seen.insert(Next).second)
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
                                     bool Hidden,
                                     const llvm::DenseSet<const FunctionDecl *> &HiddenCallees,
                                     CallBackTest MayCallBack) {
  TailFinder T(Targets, Hidden, HiddenCallees, MayCallBack);
  T.stmt(FD->getBody(), FD->getReturnType()->isVoidType(), false);
  return T.Found || tailOnCFG(Ctx, FD, T);
}
