// `ringback recover --estimates FILE... --config FILE [--db FILE] [--min-age 30d] [--max-age 18mo]
//  [--recently-reached 30d] [--per-day 5] [--as-of TIME] [--out DIR] [--sanitize]`
// One respectful follow-up per unsold quote; writes DIR/recovery.csv and prints a summary.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ringback::cli {

int RecoverCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
