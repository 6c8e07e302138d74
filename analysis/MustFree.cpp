//===- MustFree.cpp - Is a local's block freed on every path? -------------===//
//
// A library function that keeps a pointer in hidden state (strtok's saved
// string) makes the block outlive the call, but not the function, when
// the function frees the block on every path that follows: in the plain
// program any later use of the saved pointer reads freed memory.  This
// file answers that question on Clang's CFG of the function:
//
//   every path from the call to the function's exit passes free(V), and no
//   path assigns V (or declares it again) before that free.
//
// V must be a local variable whose address is never taken, and the
// function must not call setjmp (a longjmp back into it re-runs paths the
// CFG does not show).  Calls that do not return (exit, abort) end a path
// at the exit without a free, so they fail it.  The CFG takes every other
// call to return; one that may leave by longjmp or pthread_exit skips the
// free, the plain program leaks the block, and a later strtok(NULL, ...)
// reads it where a moved block is gone.  So for such a pointer every call
// on the path must be one known to return: a library function of the
// table that calls back nothing, or a function of this file whose calls
// all are, in a file that hooks no stream or printf conversion (whose
// functions stdio calls).
//
//===----------------------------------------------------------------------===//
#include "Builder.h"
#include "LibcTable.h"
#include "Summary.h"

#include "clang/AST/Attr.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace escape::analysis;

namespace escape::analysis {

/// The function's CFG and where each statement sits in it.
class FreePaths {
public:
  FreePaths(ASTContext &Ctx, const FunctionDecl *FD);
  bool freedAfter(const Stmt *At, const VarDecl *V, bool CallsReturn);

private:
  bool addressTaken(const VarDecl *V) const;
  bool returns(const CallExpr *E);
  bool bodyReturns(const Stmt *S);

  ASTContext &Ctx;
  std::unique_ptr<CFG> C;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Where;
  /// Functions of the file: whether their calls all return (true while
  /// one is being looked at, so a recursion does not fail itself).
  llvm::DenseMap<const FunctionDecl *, bool> Returns;
  bool Setjmp = false;
  bool Hooks = false;
};

} // namespace escape::analysis

static const VarDecl *refTo(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
    return dyn_cast<VarDecl>(D->getDecl());
  return nullptr;
}

static llvm::StringRef calleeName(const CallExpr *E) {
  const FunctionDecl *F = E->getDirectCallee();
  if (!F || !F->getIdentifier())
    return {};
  return canonicalCallee(F->getName());
}

static bool isFreeOf(const Stmt *S, const VarDecl *V) {
  const auto *E = dyn_cast<CallExpr>(S);
  if (!E || E->getNumArgs() != 1)
    return false;
  const FunctionDecl *Def = E->getDirectCallee() ? E->getDirectCallee()->getDefinition() : nullptr;
  if (!isFreeName(calleeName(E)) || (Def && Def->hasBody()) ||
      !FunctionBuilder::isLibraryFunction(E->getDirectCallee()))
    return false;
  return refTo(E->getArg(0)) == V;
}

static bool writes(const Stmt *S, const VarDecl *V) {
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    return B->isAssignmentOp() && refTo(B->getLHS()) == V;
  if (const auto *U = dyn_cast<UnaryOperator>(S))
    return U->isIncrementDecrementOp() && refTo(U->getSubExpr()) == V;
  if (const auto *D = dyn_cast<DeclStmt>(S))
    for (const Decl *X : D->decls())
      if (X == V)
        return true;
  return false;
}

static bool isSetjmp(const Stmt *S) {
  const auto *E = dyn_cast<CallExpr>(S);
  if (!E || !E->getDirectCallee())
    return false;
  return E->getDirectCallee()->hasAttr<ReturnsTwiceAttr>() ||
         isSetjmpName(calleeName(E));
}

FreePaths::FreePaths(ASTContext &Ctx, const FunctionDecl *FD) : Ctx(Ctx) {
  if (!FD->hasBody())
    return;
  Hooks = printfRegistered(Ctx) || streamHooksMade(Ctx);
  CFG::BuildOptions Opts;
  C = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (!C)
    return;
  for (const CFGBlock *B : *C) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto S = E.getAs<CFGStmt>()) {
        Where.try_emplace(S->getStmt(), B, I);
        Setjmp |= isSetjmp(S->getStmt());
      }
      ++I;
    }
  }
}

bool FreePaths::addressTaken(const VarDecl *V) const {
  for (const auto &W : Where)
    if (const auto *U = dyn_cast<UnaryOperator>(W.first))
      if (U->getOpcode() == UO_AddrOf && refTo(U->getSubExpr()) == V)
        return true;
  return false;
}

/// Reports whether the call \p E returns to its caller whenever it ends
/// (exit and abort end the process with every frame in place, which is
/// as good): see the file comment.
bool FreePaths::returns(const CallExpr *E) {
  const FunctionDecl *F = E->getDirectCallee();
  if (!F || !F->getIdentifier())
    return false;
  llvm::StringRef Name = calleeName(E);
  if (Name.contains("longjmp") || Name.contains("unwind") || Name.contains("Unwind"))
    return false;
  if (F->getBuiltinID() && !FunctionBuilder::isLibraryFunction(F))
    return true;
  const FunctionDecl *Def = F->getDefinition();
  bool Defined = Def && Def->hasBody();
  if (Defined && !Ctx.getSourceManager().isInSystemHeader(Def->getLocation())) {
    Def = trustedDefinition(F);
    if (!Def)
      return false; // another definition may run
    auto [It, New] = Returns.try_emplace(Def, true);
    if (!New)
      return It->second;
    bool R = bodyReturns(Def->getBody());
    Returns[Def] = R;
    return R;
  }
  if (!FunctionBuilder::isLibraryFunction(F) || Hooks)
    return false;
  static const char *const Known[] = {
      "exit", "_exit", "_Exit", "abort", "quick_exit", "err", "errx", "verr", "verrx",
      "malloc", "calloc", "realloc", "reallocarray", "aligned_alloc", "posix_memalign",
      "memalign", "valloc", "strdup", "strndup"};
  if (llvm::is_contained(Known, Name) || isFreeName(Name))
    return true;
  const LibcEntry *L = lookupLibc(Name);
  return L && !llvm::StringRef(L->Params).contains('f');
}

bool FreePaths::bodyReturns(const Stmt *S) {
  if (!S)
    return true;
  if (const auto *E = dyn_cast<CallExpr>(S); E && !returns(E))
    return false;
  return allEvaluatedChildren(S, [&](const Stmt *Child) { return bodyReturns(Child); });
}

bool FreePaths::freedAfter(const Stmt *At, const VarDecl *V, bool CallsReturn) {
  if (!C || Setjmp || !V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      addressTaken(V))
    return false;
  auto It = Where.find(At);
  if (It == Where.end())
    return false;
  const CFGBlock *Exit = &C->getExit();
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen;
  std::vector<std::pair<const CFGBlock *, unsigned>> Work{It->second};
  Work.back().second++; // after the call itself
  while (!Work.empty()) {
    auto [B, From] = Work.back();
    Work.pop_back();
    if (B == Exit)
      return false;
    bool Freed = false;
    for (unsigned I = From, N = B->size(); I < N && !Freed; ++I) {
      auto S = (*B)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      if (isFreeOf(S->getStmt(), V))
        Freed = true;
      else if (writes(S->getStmt(), V))
        return false;
      else if (const auto *E = dyn_cast<CallExpr>(S->getStmt());
               E && CallsReturn && !returns(E))
        return false;
    }
    if (Freed)
      continue;
    if (B->succ_empty())
      return false; // a dead end the CFG could not place: assume the worst
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *S = Succ.getReachableBlock();
      if (S && Seen.insert(S).second)
        Work.push_back({S, 0});
    }
  }
  return true;
}

void FreePathsDeleter::operator()(FreePaths *P) const { delete P; }

bool FunctionBuilder::freedOnEveryPath(const CallExpr *At, const Expr *Arg,
                                       bool CallsReturn) {
  if (!Paths)
    Paths.reset(new FreePaths(Ctx, FD));
  return Paths->freedAfter(At, refTo(Arg), CallsReturn);
}
