//===- DiagnosticHandler.cpp - Wording of every plugin diagnostic --------===//
//
// Remarks follow Go's -m output in Clang's style: lowercase, no period,
// source names in single quotes.
//
//===----------------------------------------------------------------------===//
#include "DiagnosticHandler.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"

using namespace clang;
using namespace escape::plugin;
using escape::analysis::AllocSite;
using escape::analysis::LeakingParam;

static SourceLocation loc(uint64_t Raw) {
  return SourceLocation::getFromRawEncoding(SourceLocation::UIntTy(Raw));
}

void DiagnosticHandler::site(const AllocSite &S, const Outcome &O,
                             unsigned Level) {
  if (Level == 0)
    return;
  unsigned Moved = D.getCustomDiagID(
      DiagnosticsEngine::Remark,
      "allocation does not escape; moved to the %select{stack|frame arena}0");
  unsigned Planned = D.getCustomDiagID(
      DiagnosticsEngine::Remark, "allocation does not escape; would move to "
                                 "the %select{stack|frame arena}0");
  unsigned MovedSmall = D.getCustomDiagID(
      DiagnosticsEngine::Remark, "allocation does not escape; moved to the frame "
                                 "arena (the stack when at most %0 bytes)");
  unsigned PlannedSmall = D.getCustomDiagID(
      DiagnosticsEngine::Remark, "allocation does not escape; would move to the "
                                 "frame arena (the stack when at most %0 bytes)");
  unsigned Stays = D.getCustomDiagID(
      DiagnosticsEngine::Remark,
      "allocation does not escape; stays on the heap: %0");
  unsigned Escapes = D.getCustomDiagID(
      DiagnosticsEngine::Remark,
      "%select{allocation|'%1'}0 escapes to heap: %2");
  unsigned Flow = D.getCustomDiagID(DiagnosticsEngine::Note, "flow: %0");
  SourceLocation L = loc(S.Pos.Raw);
  switch (O.K) {
  case Outcome::Stack:
  case Outcome::Arena:
    if (O.K == Outcome::Arena && S.SmallStack)
      D.Report(L, O.Moved ? MovedSmall : PlannedSmall) << unsigned(S.SmallStack);
    else
      D.Report(L, O.Moved ? Moved : Planned) << (O.K == Outcome::Arena ? 1 : 0);
    break;
  case Outcome::Heap:
    D.Report(L, Stays) << O.Reason;
    break;
  case Outcome::Escapes:
    D.Report(L, Escapes) << (S.Name.empty() ? 0 : 1) << S.Name << O.Reason;
    break;
  }
  if (Level < 2)
    return;
  for (const analysis::FlowStep &F : S.Flow)
    D.Report(F.Pos.Raw ? loc(F.Pos.Raw) : L, Flow) << F.Text;
}

void DiagnosticHandler::leak(const LeakingParam &L) {
  unsigned ID = D.getCustomDiagID(
      DiagnosticsEngine::Remark,
      "leaking param%select{| content| deep content}0: '%1'%select{| to "
      "result| to result content| to '%2'}3");
  // Where reads "[deep content|content][ to ]<heap|result|result
  // content|*q|**q>".
  llvm::StringRef W = L.Where;
  unsigned Content = W.consume_front("deep content") ? 2 : W.consume_front("content");
  W = W.trim();
  W.consume_front("to ");
  unsigned To = 0;
  if (W == "result")
    To = 1;
  else if (W == "result content")
    To = 2;
  else if (W.starts_with("*"))
    To = 3;
  D.Report(loc(L.Pos.Raw), ID) << Content << L.Param << W << To;
}

void DiagnosticHandler::unknownArgument(llvm::StringRef Arg) {
  D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                             "unknown argument '%0' for the escape plugin; "
                             "expected one of m, report, transform, arena, "
                             "stack-limit, small-stack, frame-budget, chain-budget, "
                             "arena-cap, solver-budget, bisect, trace, stdio-hooks"))
      << Arg;
}

void DiagnosticHandler::badValue(llvm::StringRef Name, llvm::StringRef Value) {
  D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                             "invalid value '%1' for escape plugin argument "
                             "'%0'"))
      << Name << Value;
}

void DiagnosticHandler::cannotWriteReport(llvm::StringRef Path,
                                          llvm::StringRef Why) {
  D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                             "cannot write escape report '%0': %1"))
      << Path << Why;
}

void DiagnosticHandler::badPragma(uint64_t RawLoc) {
  D.Report(loc(RawLoc),
           D.getCustomDiagID(DiagnosticsEngine::Warning,
                             "expected 'on' or 'off' after '#pragma escape'"));
}
