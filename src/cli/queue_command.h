// `ringback queue`: the live callback queue from an audit database, for the office to work
// every hour. `args` are the arguments after the command name; `--config FILE` is read by the
// main program into `config` (its zone shows deadlines) and must not be in `args`.
//
//   ringback queue --db FILE [--owner NAME] [--overdue] [--json] [--as-of TIME]
//     Prints the real opportunities still to work (status open, overdue or attempted) by
//     deadline, earliest first; no deadline last. Overdue is live: the deadline passed before
//     --as-of (default: now) with no attempt. --owner keeps one owner's rows (trimmed,
//     case-insensitive); --overdue keeps overdue rows only.
//     Default output: a table (id, deadline in company time, status with OVERDUE flagged,
//     owner, backup, category, contact, next action). --json: a JSON array, one object per line:
//     {"id","owner","backup_owner","category","status","deadline","next_action","contact",
//     "overdue"}, deadline ISO 8601 with the company's offset (null when none).
//     Exit: 0 done (also when nothing is due), 1 the database is missing or unreadable (a
//     missing file is never created: run `ringback audit --db FILE` first), 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/company_config.h"
#include "core/opportunity.h"
#include "core/time.h"

namespace ringback::cli {

int QueueCommand(const std::vector<std::string>& args, const CompanyConfig& config,
                 std::ostream& out, std::ostream& err);

// Helpers shared with `ringback ical` (database and time arguments: cli/parse.h).

// True when `o` is real work still to do: a real category, status open/overdue/attempted.
bool IsLiveWork(const Opportunity& o);

// Live overdue: a deadline before `as_of` and no attempt.
bool IsOverdueAt(const Opportunity& o, Timestamp as_of);

// Owner names compare trimmed and case-insensitively ("luis mendez" == "Luis Mendez ").
bool SameOwner(std::string_view a, std::string_view b);

// The team's spelling of `name` ("luis mendez" -> "Luis Mendez"); `name` trimmed when no
// team member has it.
std::string TeamName(const CompanyConfig& config, std::string_view name);

}  // namespace ringback::cli
