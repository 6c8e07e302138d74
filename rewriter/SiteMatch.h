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
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace llvm {
class CallBase;
class Function;
} // namespace llvm

namespace escape::rewriter {

/// canonicalCallee returns \p Name without a "__builtin_" prefix, the name
/// the call has in the IR.
llvm::StringRef canonicalCallee(llvm::StringRef Name);

/// findCallAt returns the only direct call in \p F to a function named
/// \p Callee whose own (not inlined) DILocation is \p Line:\p Column.
/// pre: none.  Returns null and sets \p Why when there is none or several.
llvm::CallBase *findCallAt(llvm::Function &F, llvm::StringRef Callee,
                           unsigned Line, unsigned Column, std::string &Why);

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

/// functionAllowsRewrite reports whether \p F may take promoted storage at
/// all: no setjmp-like call, no musttail call, not naked.
bool functionAllowsRewrite(const llvm::Function &F, std::string &Why);

} // namespace escape::rewriter

#endif
