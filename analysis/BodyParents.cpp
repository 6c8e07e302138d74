//===- BodyParents.cpp - The parents of one function body's statements ----===//
#include "BodyParents.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace escape::analysis;

namespace {
/// Walks a function as ParentMapContext's visitor walks the translation
/// unit, with a stack of the nodes entered.  A node of a kind the callers
/// do not ask for (a type, an attribute) is pushed as an empty parent.
class Collector : public RecursiveASTVisitor<Collector> {
  using Base = RecursiveASTVisitor<Collector>;

public:
  explicit Collector(llvm::DenseMap<const Stmt *, BodyParents::Entry> &Map) : Map(Map) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    add(S);
    Stack.push_back({S, nullptr});
    bool Ok = Base::TraverseStmt(S);
    Stack.pop_back();
    return Ok;
  }
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    Stack.push_back({nullptr, D});
    bool Ok = Base::TraverseDecl(D);
    Stack.pop_back();
    return Ok;
  }
  bool TraverseTypeLoc(TypeLoc TL) {
    if (!TL)
      return true;
    return other([&] { return Base::TraverseTypeLoc(TL); });
  }
  bool TraverseAttr(Attr *A) {
    if (!A)
      return true;
    return other([&] { return Base::TraverseAttr(A); });
  }

private:
  template <typename Fn> bool other(Fn Traverse) {
    Stack.push_back({});
    bool Ok = Traverse();
    Stack.pop_back();
    return Ok;
  }

  /// Records the top of the stack as a parent of S.  A second parent that
  /// is the same statement or declaration again is not counted (the
  /// context's map drops such duplicates too); a type or an attribute
  /// always is.
  void add(const Stmt *S) {
    if (Stack.empty())
      return;
    BodyParents::Parent P = Stack.back();
    auto [It, New] = Map.try_emplace(S);
    if (New) {
      It->second.P = P;
      return;
    }
    BodyParents::Entry &E = It->second;
    if (E.P.S != P.S || E.P.D != P.D || (!P.S && !P.D))
      E.Many = true;
  }

  llvm::DenseMap<const Stmt *, BodyParents::Entry> &Map;
  llvm::SmallVector<BodyParents::Parent, 64> Stack;
};
} // namespace

BodyParents::BodyParents(const FunctionDecl *FD) {
  Collector C(Map);
  C.TraverseDecl(const_cast<FunctionDecl *>(FD));
}

BodyParents::Parent BodyParents::of(const Stmt *S) const {
  auto It = Map.find(S);
  if (It == Map.end() || It->second.Many)
    return {};
  return It->second.P;
}
