//===- ReportWriter.h - The YAML report of one translation unit ----------===//
#ifndef ESCAPE_PLUGIN_REPORTWRITER_H
#define ESCAPE_PLUGIN_REPORTWRITER_H

#include "escape/analysis/Result.h"
#include "escape/rewriter/FrameRewrite.h"

#include <string>

namespace escape::plugin {

/// Writes \p R as a stream of optimization-remark documents to \p Path
/// ("-" is standard output), through a temporary file so a failed write
/// never leaves half a report.  Returns false and sets \p Err on failure.
bool writeReport(const std::string &Path, const analysis::TUResult &R,
                 const rewriter::RewriteLog *Log, std::string &Err);

} // namespace escape::plugin

#endif
