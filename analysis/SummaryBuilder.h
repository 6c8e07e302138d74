//===- SummaryBuilder.h - Summaries from solved function graphs ----------===//
#ifndef ESCAPE_ANALYSIS_SUMMARYBUILDER_H
#define ESCAPE_ANALYSIS_SUMMARYBUILDER_H

#include "Builder.h"
#include "Summary.h"

namespace escape::analysis {

/// Reads the summary of a function off its solved graph.
Summary summarize(const FunctionBuilder &B);

} // namespace escape::analysis

#endif
