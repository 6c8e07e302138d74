//===- LibcTable.h - Built-in knowledge of library functions -------------===//
//
// Declares the table of library functions that do not capture their
// pointer arguments; see LibcTable.cpp for the letters of a parameter spec.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_LIBCTABLE_H
#define ESCAPE_ANALYSIS_LIBCTABLE_H

#include "llvm/ADT/StringRef.h"

namespace escape::analysis {

/// What the function returns, as far as pointers go.
enum class LibcResult : unsigned char {
  None,    ///< nothing that points anywhere we track
  Heap,    ///< library-owned memory
  Arg0,    ///< a pointer into the first argument
  Arg1,    ///< a pointer into the second argument
  Arg2,    ///< a pointer into the third argument
  LoadArg0, ///< the pointer stored in *first argument (strsep)
  Arg0OrLoadArg2, ///< strtok_r: into the string, or the one saved in *arg 2
  HeapOrArg1,     ///< GNU strerror_r: a static string or the buffer given
  HeapOrArg0      ///< getcwd: the buffer given, or a block it allocated
};

struct LibcEntry {
  const char *Name;
  LibcResult Result;
  const char *Params; ///< one letter per parameter, see LibcTable.cpp
};

/// Normalizes a callee name: drops `__builtin_` and fortify `_chk` forms.
llvm::StringRef canonicalCallee(llvm::StringRef Name);

/// Where a fortified variant's extra parameters are when they come before
/// some of the function's own: __printf_chk(flag, fmt, ...) is printf(fmt,
/// ...) with one number at 0.  Count 0: none, or all after the function's
/// own (__memcpy_chk(d, s, n, dlen)).
struct FortifyExtra {
  unsigned At = 0, Count = 0;
};

/// The extra parameters of \p Name as the program calls it (not canonical).
FortifyExtra fortifyExtra(llvm::StringRef Name);

/// Reports whether \p Name (canonical) is alloca or one of its builtins.
bool isAllocaName(llvm::StringRef Name);

/// Reports whether \p Name (canonical) is the C library's free().
bool isFreeName(llvm::StringRef Name);

/// Reports whether \p Name (canonical) returns twice as setjmp does
/// (getcontext and vfork too), besides functions marked returns_twice.
bool isSetjmpName(llvm::StringRef Name);

/// Returns the entry for \p Name (already canonical), or null.
const LibcEntry *lookupLibc(llvm::StringRef Name);

} // namespace escape::analysis

#endif
