// `ringback review`: the weekly review of an audited database, for a chosen week. `args` are
// the arguments after the command name.
//
//   ringback review --db FILE --config FILE [--week 2026-W47] [--out DIR] [--as-of TIME]
//                   [--sanitize]
//     Rebuilds the queue as of --as-of (default now; outcomes recorded since the audit count)
//     and writes into DIR (default ringback-review): report.html (the review: figures and the
//     change from the week before, time to first attempt per category and owner in clock and
//     business time, handoff failures with examples, the leak, old estimate recovery, the
//     seven-day plan), review.xlsx (Summary, Queue, Outcomes, Failures), review.csv (metric,
//     this_week, last_week, change), queue.csv and rejects.csv. --week defaults to the ISO week
//     of the latest signal. --sanitize: initials and the last four digits only, no emails, no
//     names in free text: a report that can be shown outside the office.
//     Prints the week's main figures.
//     Exit: 0 written; 1 the database is missing or unreadable, or DIR cannot be written;
//     2 bad usage (such as a --week that is not an ISO week).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ringback::cli {

int ReviewCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
