//===- Summary.h - What a function does with its parameters --------------===//
//
// A function's summary is all its callers need to know of it: which
// parameters leak and where to (Go's leak tags, in points-to terms), which it
// frees, and whether it returns fresh memory.  Summaries only ever grow, so
// iterating a recursive call cycle reaches a fixed point.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_SUMMARY_H
#define ESCAPE_ANALYSIS_SUMMARY_H

#include "escape/analysis/Result.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace escape::analysis {

/// An allocation whose block a wrapper returns: the calls from the
/// wrapper's body inward (nested wrappers, then the allocator).
struct WrapperAlloc {
  std::vector<const clang::CallExpr *> Chain;
  AllocKind Kind = AllocKind::Malloc;
  std::string Callee;
};

/// A parameter's memory handed to a function the caller passed: argument
/// Pos of a call through function-pointer parameter Fn gets the parameter's
/// value (Deep false) or a pointer it reaches (Deep true).
struct CallbackUse {
  unsigned Fn = 0, Pos = 0;
  bool Deep = false;
  bool operator==(const CallbackUse &O) const {
    return Fn == O.Fn && Pos == O.Pos && Deep == O.Deep;
  }
  bool operator<(const CallbackUse &O) const {
    return Fn != O.Fn ? Fn < O.Fn : Pos != O.Pos ? Pos < O.Pos : Deep < O.Deep;
  }
};

/// What the function does with one pointer parameter's value.
struct ParamSummary {
  bool Tracked = false;       ///< the parameter may hold a pointer
  bool Heap = false;          ///< its pointee escapes
  bool Content = false;       ///< what its pointee points to escapes
  /// Only what lies beyond that escapes: the blocks an array of pointers
  /// points to stay, their bytes are copied out (implied by Content).
  bool DeepContent = false;
  bool Result = false;        ///< it is returned
  bool ContentResult = false; ///< what its pointee points to is returned
  bool ResultContent = false; ///< it is stored into the returned memory
  bool Freed = false;         ///< its pointee is freed
  bool ContentFreed = false;  ///< memory reachable from it is freed
  bool NeedsHeap = false;     ///< its pointee must be heap memory (getline)
  bool ContentNeedsHeap = false; ///< so must memory reachable from it
  /// An integer parameter whose value the function stores in memory: a
  /// byte of a pointer passed to it (`put(d, *s)`) may be copied.
  bool BytesStored = false;
  /// The integer result may hold its bytes (an integer parameter:
  /// `return c;`), bytes of what its pointee holds (`return *p;`:
  /// ContentBytesResult), or of what lies deeper (`return p->s[0];`:
  /// DeepBytesResult).
  bool BytesResult = false;
  bool ContentBytesResult = false;
  bool DeepBytesResult = false;
  bool WritesUnknown = false; ///< unknown pointers are stored into *p
  /// Only blocks the function allocated, and keeps nowhere else, are
  /// stored into *p (a vector's storage it grows), and they hold nothing
  /// but what the parameters reach: each call gives the caller a new heap
  /// block there, not unknown memory.
  bool FreshContent = false;
  std::vector<unsigned> FreshHolds;       ///< those blocks hold these parameters
  std::vector<unsigned> FreshHoldsDeep;   ///< what these parameters reach
  std::vector<unsigned> FreshHoldsDeeper; ///< what lies beyond these' pointees' targets
  bool DeepWrite = false;     ///< pointers are stored deeper than *p
  std::vector<unsigned> IntoContentOf; ///< stored into *q for these q
  std::vector<unsigned> IntoDeepOf;    ///< stored one level deeper: **q, (*q)->f
  std::vector<unsigned> IntoDeeperOf;  ///< stored further: (*q)->next->f
  std::vector<unsigned> ContentIntoContentOf; ///< *p stored into *q
  std::vector<unsigned> ContentIntoDeepOf;    ///< *p stored deeper in q
  /// Passed to the functions the caller gives as arguments (each(a, n,
  /// fn, ctx) calling fn(&a[i], ctx)): the caller applies their summaries.
  std::vector<CallbackUse> Callbacks;

  bool leaks() const {
    return Heap || Content || DeepContent || Result || ContentResult || ResultContent ||
           !IntoContentOf.empty() || !IntoDeepOf.empty() || !IntoDeeperOf.empty() ||
           !ContentIntoContentOf.empty() || !ContentIntoDeepOf.empty() ||
           !Callbacks.empty();
  }
  bool operator==(const ParamSummary &O) const {
    return Tracked == O.Tracked && Heap == O.Heap && Content == O.Content &&
           DeepContent == O.DeepContent &&
           Result == O.Result && ContentResult == O.ContentResult &&
           ResultContent == O.ResultContent && Freed == O.Freed &&
           ContentFreed == O.ContentFreed && NeedsHeap == O.NeedsHeap &&
           ContentNeedsHeap == O.ContentNeedsHeap && WritesUnknown == O.WritesUnknown &&
           BytesStored == O.BytesStored && BytesResult == O.BytesResult &&
           ContentBytesResult == O.ContentBytesResult &&
           DeepBytesResult == O.DeepBytesResult &&
           FreshContent == O.FreshContent && FreshHolds == O.FreshHolds &&
           FreshHoldsDeep == O.FreshHoldsDeep && FreshHoldsDeeper == O.FreshHoldsDeeper &&
           DeepWrite == O.DeepWrite && IntoContentOf == O.IntoContentOf &&
           IntoDeepOf == O.IntoDeepOf && IntoDeeperOf == O.IntoDeeperOf &&
           ContentIntoContentOf == O.ContentIntoContentOf &&
           ContentIntoDeepOf == O.ContentIntoDeepOf && Callbacks == O.Callbacks;
  }
};

struct Summary {
  std::vector<ParamSummary> Params;
  /// The arguments a variadic function reads with va_arg, as one parameter.
  /// Tracked only when the function's va_lists never leave it (va_start,
  /// va_arg, va_copy and va_end on its own locals) and what va_arg returns
  /// is only read or written through: not kept, returned, freed or stored.
  /// Otherwise callers see their variadic arguments escape, as before.
  ParamSummary VarArgs;
  /// The variadic arguments are printed (a logging wrapper's vfprintf):
  /// with a literal format, or with the one parameter VarArgsFormat (when
  /// >= 0) brings, which its callers check as they would printf's.
  bool VarArgsPrinted = false;
  int VarArgsFormat = -1;
  /// Printed into memory (vsprintf, vsnprintf): the characters of a `%s`
  /// argument, which may be a pointer's bytes, land where the analysis
  /// does not follow them.
  bool VarArgsCopied = false;
  bool ReturnsFresh = false;   ///< returns memory it allocated
  bool ReturnsUnknown = false; ///< returns memory of unknown origin
  bool ReturnsUnknownBytes = false; ///< an integer result holding other bytes
  /// Its free() calls are not rewritten (a system header's function), so
  /// what it frees must stay heap memory.
  bool FreesStayHeap = false;
  /// An allocation wrapper (xmalloc, xstrdup, a constructor): everything it
  /// returns is a block one of Allocs makes, which it neither frees nor
  /// lets escape otherwise.  Callers treat each call as an allocation site
  /// of their own.  Set once the function's summary is final (never for a
  /// recursive one), so it takes no part in the fixed point.
  bool Wrapper = false;
  std::vector<WrapperAlloc> Allocs;

  bool operator==(const Summary &O) const {
    return Params == O.Params && VarArgs == O.VarArgs && VarArgsPrinted == O.VarArgsPrinted &&
           VarArgsFormat == O.VarArgsFormat && VarArgsCopied == O.VarArgsCopied &&
           ReturnsFresh == O.ReturnsFresh &&
           ReturnsUnknown == O.ReturnsUnknown && FreesStayHeap == O.FreesStayHeap &&
           ReturnsUnknownBytes == O.ReturnsUnknownBytes;
  }
  bool operator!=(const Summary &O) const { return !(*this == O); }

  /// The summary to assume when nothing is known: everything leaks.
  static Summary worst(const clang::FunctionDecl *F);
};

/// The definition of \p F whose body every call to \p F runs, or null when
/// the file has none, or has one the linker or the dynamic loader may
/// replace (see replacedBecause): a summary of such a body proves nothing.
const clang::FunctionDecl *trustedDefinition(const clang::FunctionDecl *F);

/// Reports whether the definition of \p F may be interposed at run time:
/// exported with default visibility from position-independent code.
bool mayBeInterposed(const clang::FunctionDecl *F);

/// Why a call to \p F may run code other than a body this file shows, as
/// the end of a report's "passed to 'f', ..." line.
llvm::StringRef replacedBecause(const clang::FunctionDecl *F);

} // namespace escape::analysis

#endif
