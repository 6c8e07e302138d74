//===- BodyParents.h - The parents of one function body's statements ------===//
#ifndef ESCAPE_ANALYSIS_BODYPARENTS_H
#define ESCAPE_ANALYSIS_BODYPARENTS_H

#include "llvm/ADT/DenseMap.h"

namespace clang {
class Decl;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace escape::analysis {

/// The parents of the statements of one function, as
/// ASTContext::getParents reports them (the same traversal: implicit code,
/// both forms of an initializer list, types and attributes as parents of
/// their expressions), but built from the function alone.  The context's
/// map covers the whole translation unit and its headers the first time
/// anything asks: on SQLite's amalgamation that walk took 7% of the
/// samples of the compile at -O0 (perf record).
class BodyParents {
public:
  explicit BodyParents(const clang::FunctionDecl *FD);

  /// The one parent of a statement: a statement (S), or a declaration (D:
  /// the variable an initializer belongs to).  Both null when it has none,
  /// more than one, or one of another kind (a type, an attribute).
  struct Parent {
    const clang::Stmt *S = nullptr;
    const clang::Decl *D = nullptr;
  };
  Parent of(const clang::Stmt *S) const;

  /// What the map holds per statement (BodyParents.cpp).
  struct Entry {
    Parent P;
    bool Many = false;
  };

private:
  llvm::DenseMap<const clang::Stmt *, Entry> Map;
};

} // namespace escape::analysis

#endif
