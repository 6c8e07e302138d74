//===- SiteMatch.h - Find and check the IR call of an analysis site -------===//
//
// The AST and the IR meet at call-site locations: CodeGen writes each call's
// line:column into its DILocation.  These helpers find the one call a site
// names and re-check, on the IR, that it is what the analysis saw.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITER_SITEMATCH_H
#define ESCAPE_REWRITER_SITEMATCH_H

#include "escape/analysis/Result.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace llvm {
class CallBase;
class DILocation;
class Function;
} // namespace llvm

namespace escape::rewriter {

/// canonicalCallee returns \p Name without a "__builtin_" prefix, the name
/// the call has in the IR.
llvm::StringRef canonicalCallee(llvm::StringRef Name);

/// CallIndex holds the direct calls of one function by their own (not
/// inlined) DILocation line:column, and whether the function may take
/// promoted storage at all: no setjmp-like call, no musttail call, not
/// naked.  It is built in one walk, so matching every site of a function
/// of N sites costs N lookups, not N walks.
class CallIndex {
public:
  explicit CallIndex(llvm::Function &F);

  /// find returns the only call to a function named \p Callee at
  /// \p Line:\p Column.  Returns null and sets \p Why when there is none
  /// or several.
  llvm::CallBase *find(llvm::StringRef Callee, unsigned Line, unsigned Column,
                       std::string &Why) const;

  /// allows reports whether the function may take promoted storage; sets
  /// \p Why when not.
  bool allows(std::string &Why) const;

  /// inlined updates the index after \p Gone, located at \p GoneAt, was
  /// inlined and erased: \p Added are the calls its body brought in.
  void inlined(llvm::CallBase *Gone, const llvm::DILocation *GoneAt,
               llvm::ArrayRef<llvm::CallBase *> Added);

private:
  void add(llvm::CallBase &CB);

  llvm::DenseMap<std::pair<unsigned, unsigned>, llvm::SmallVector<llvm::CallBase *, 1>> At;
  const char *Refused = nullptr; ///< the function's own reason to refuse
  bool ReturnsTwice = false;     ///< a call may return twice (setjmp)
  bool MustTail = false;         ///< a call is musttail
};

/// checkStackShape reports whether \p CB allocates exactly S.Size constant
/// bytes with one of malloc, calloc or aligned_alloc, so that an alloca can
/// replace it; on success \p Align is the alignment the alloca needs.
bool checkStackShape(const llvm::CallBase &CB, const analysis::AllocSite &S,
                     uint64_t &Align, std::string &Why);

/// checkArenaShape reports whether \p CB is a call the frame arena has a
/// replacement for, with the argument count of S.Kind.
bool checkArenaShape(const llvm::CallBase &CB, const analysis::AllocSite &S,
                     std::string &Why);

/// checkFreeShape reports whether \p CB is a one-argument call to free or a
/// two-argument call to realloc.
bool checkFreeShape(const llvm::CallBase &CB, std::string &Why);

} // namespace escape::rewriter

#endif
