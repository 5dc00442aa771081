// `ringback audit INPUT... --config FILE [--db FILE] [--out DIR] [--as-of TIME] [--sanitize]`
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "pipeline/audit.h"

namespace ringback::cli {

// Prints the audit's short summary: what was read and rejected, opportunities by category,
// overdue work, and where the files are.
// "Old estimates: 4 to follow up once (expected $3,120), 6 need a consent check, 19 excluded".
void PrintRecoverySummary(const RecoveryRun& run, std::ostream& out);

void PrintAuditSummary(const CompanyConfig& config, const AuditOptions& options, const AuditResult& result,
                       std::ostream& out);

}  // namespace ringback::cli
