//===- Result.h - What the escape analysis decided, as plain data --------===//
//
// The analysis reports every allocation site of a translation unit with its
// verdict, the storage the policy chose and why, and the flow chain that made
// it escape.  The plugin turns this into remarks and YAML; the rewriter turns
// the promoted sites into stack or frame-arena storage.  Nothing here refers
// to Clang's AST, so both consumers can hold it after the AST is gone.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_RESULT_H
#define ESCAPE_ANALYSIS_RESULT_H

#include <cstdint>
#include <string>
#include <vector>

namespace escape::analysis {

enum class Verdict : uint8_t { DoesNotEscape, Escapes };

/// Where the allocation lives after the transformation.
enum class Storage : uint8_t { Stack, Arena, Heap };

/// An expansion location, as CodeGen writes it into the IR's DILocation.
struct SourcePos {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// clang::SourceLocation's raw encoding, for diagnostics during the same
  /// compile; 0 when unknown.
  uint64_t Raw = 0;
};

/// One step of an escape's flow chain, from the allocation to the sink.
struct FlowStep {
  SourcePos Pos;
  std::string Text; ///< e.g. "assigned to 'p'", "returned from 'make'"
};

/// The allocator a site calls, which tells the rewriter how to read its
/// arguments.
enum class AllocKind : uint8_t {
  Malloc,       ///< (size)
  Calloc,       ///< (count, size), zeroed
  Realloc,      ///< (ptr, size)
  ReallocArray, ///< (ptr, count, size)
  AlignedAlloc, ///< (align, size)
  PosixMemalign,///< (&ptr, align, size)
  Asprintf,     ///< (&ptr, format, ...): its block through its first argument
  Vasprintf,    ///< (&ptr, format, va_list): the same
  Strdup,       ///< (str)
  Strndup,      ///< (str, max)
  User,         ///< a function with __attribute__((malloc)) or alloc_size
  Wrapper       ///< a function of this unit returning a block it allocated
};

/// Reports whether \p K is a C library allocator call whose block the pass
/// can move whatever function it ends up in: what a wrapper may return or
/// keep as a temporary.
inline bool isPlainAllocator(AllocKind K) {
  return K == AllocKind::Malloc || K == AllocKind::Calloc ||
         K == AllocKind::AlignedAlloc || K == AllocKind::Strdup ||
         K == AllocKind::Strndup;
}

/// An allocation call inside a wrapper (AllocKind::Wrapper) whose block
/// the wrapper returns: Chain holds the calls from the wrapper's body
/// inward, each but the last a call to a nested wrapper, the last the
/// allocator call (xstrdup -> xmalloc -> malloc: the call to xmalloc in
/// xstrdup, then the malloc in xmalloc).
struct InnerCall {
  AllocKind Kind = AllocKind::Malloc;
  std::string Callee;
  std::vector<SourcePos> Chain;
};

struct AllocSite {
  unsigned Id = 0;        ///< index into TUResult::Sites
  std::string Function;   ///< enclosing function's name
  std::string Callee;     ///< name of the called allocator
  AllocKind Kind = AllocKind::Malloc;
  SourcePos Pos;          ///< location of the call (its callee token)
  std::string Name;       ///< variable or field that first receives it, or ""
  Verdict Result = Verdict::Escapes;
  Storage Place = Storage::Heap;
  std::string Reason;     ///< why it escapes, or why the policy declined
  bool ConstantSize = false;
  uint64_t Size = 0;      ///< bytes, when ConstantSize
  /// The size is constant only by reading local variables that keep their
  /// initializer (`size_t n = 64; malloc(n)`), so the IR may not show it.
  bool SizeThroughLocals = false;
  uint64_t Align = 16;    ///< alignment the storage must have
  bool Zeroed = false;    ///< calloc: storage must be zero-filled
  /// Arena sites of a dynamic size: a stack slot of this many bytes takes
  /// the block when its size at run time fits (Policy::SmallStack), else 0.
  uint64_t SmallStack = 0;
  bool CalleeFreed = false; ///< a callee frees it (FreeSite::FreesParam)
  unsigned LoopDepth = 0; ///< loop nesting of the call
  std::vector<FlowStep> Flow;
  /// Wrapper sites: the allocations whose blocks the call returns.  The
  /// rewriter inlines the call and moves those allocations.
  std::vector<InnerCall> Inner;
};

/// A call to free() whose argument may point to a promoted allocation.
struct FreeSite {
  std::string Function;
  std::string Callee;          ///< "free" or "realloc"
  SourcePos Pos;
  std::vector<unsigned> Sites; ///< promoted sites this call may release
  bool MayFreeOther = false;   ///< may also release heap memory
  /// It frees (or reallocates) memory a parameter points to, which may be a
  /// caller's object in the frame arena (a CalleeFreed site): such calls are
  /// redirected to esc_frame_free (esc_frame_realloc_heap), which take any
  /// pointer.  Set only when the unit has an arena site that a callee frees.
  bool FreesParam = false;
  /// Its argument is a local variable that only its declaration sets, to
  /// its one site's block: the call releases that block whenever it runs
  /// (a free of `k ? p : NULL` may release nothing, and p is still used).
  bool ReleasesSite = false;
  /// Another free or realloc call of the function is at the same line and
  /// column (one macro expansion, or a #line), so the IR cannot tell which
  /// of them this is: the sites it may release stay on the heap.
  bool SharedPosition = false;
};

/// A parameter whose pointee outlives the call (Go's leak tags).
struct LeakingParam {
  std::string Function;
  std::string Param;
  unsigned Index = 0;
  SourcePos Pos;
  std::string Where; ///< "heap", "result", "content", "*param 'q'"
};

/// Everything the analysis found in one translation unit.
struct TUResult {
  std::string MainFile;
  std::vector<AllocSite> Sites;
  std::vector<FreeSite> Frees;
  std::vector<LeakingParam> Leaks;
  /// Functions that call setjmp and that the attribute or pragma excludes:
  /// the rewrite leaves their setjmp calls as they are.
  std::vector<std::string> ExcludedSetjmp;
  /// Functions that recurse, through calls the file shows or not: the
  /// rewrite keeps other functions' stack storage out of their frames.
  std::vector<std::string> Recursive;
};

} // namespace escape::analysis

#endif
