// `ringback audit INPUT... --config FILE [--db FILE] [--out DIR] [--as-of TIME] [--sanitize]`
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "pipeline/audit.h"

namespace ringback::cli {

// Prints the audit's short summary: what was read and rejected, opportunities by category,
// overdue work, and where the files are.
void PrintAuditSummary(const CompanyConfig& config, const AuditOptions& options, const AuditResult& result,
                       std::ostream& out);

}  // namespace ringback::cli
