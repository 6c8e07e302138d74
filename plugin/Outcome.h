//===- Outcome.h - What finally happened to an allocation site -----------===//
//
// One place that combines the analysis verdict, the policy's choice and
// what the rewrite pass did, for both the remarks and the YAML report.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PLUGIN_OUTCOME_H
#define ESCAPE_PLUGIN_OUTCOME_H

#include "escape/analysis/Result.h"
#include "escape/rewriter/FrameRewrite.h"

#include <string>

namespace escape::plugin {

struct Outcome {
  enum Kind { Stack, Arena, Heap, Escapes } K;
  bool Moved;         ///< the rewrite pass changed the code
  std::string Reason; ///< why it escapes or stays on the heap
};

/// \p Log is null when no rewrite ran (report only, or no code generated).
inline Outcome outcomeOf(const analysis::AllocSite &S,
                         const rewriter::RewriteLog *Log) {
  using analysis::Storage;
  if (S.Result == analysis::Verdict::Escapes)
    return {Outcome::Escapes, false, S.Reason};
  if (S.Place == Storage::Heap)
    return {Outcome::Heap, false, S.Reason};
  Outcome::Kind Planned = S.Place == Storage::Stack ? Outcome::Stack
                                                    : Outcome::Arena;
  if (!Log || !Log->Ran || S.Id >= Log->Sites.size())
    return {Planned, false, S.Reason};
  switch (Log->Sites[S.Id]) {
  case rewriter::SiteAction::Stack:
    return {Outcome::Stack, true, S.Reason};
  case rewriter::SiteAction::Arena:
    return {Outcome::Arena, true, S.Reason};
  case rewriter::SiteAction::NotSelected:
  case rewriter::SiteAction::Declined:
    return {Outcome::Heap, false,
            S.Id < Log->SiteWhy.size() ? Log->SiteWhy[S.Id] : "declined"};
  case rewriter::SiteAction::Untouched:
    break;
  }
  return {Outcome::Heap, false, "not found in the generated code"};
}

} // namespace escape::plugin

#endif
