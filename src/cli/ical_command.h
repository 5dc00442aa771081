// `ringback ical`: the open callbacks as an iCalendar feed, for an owner's phone calendar.
// `args` are the arguments after the command name; `--config FILE` is read by the main program
// into `config` (company name and zone) and must not be in `args`.
//
//   ringback ical --db FILE [--owner NAME] [--out FILE] [--as-of TIME] [--events]
//     One VTODO (DUE = the deadline) per callback with an owner and a deadline whose status is
//     open, overdue or attempted, by deadline; --owner keeps one owner's (trimmed,
//     case-insensitive). --events writes VEVENTs ending at the deadline instead, for calendars
//     that ignore tasks (Google Calendar). DTSTAMP is --as-of (default now), so a fixed
//     --as-of gives byte-identical output. UIDs are the opportunity id @ a domain made from
//     the company name, stable across runs. Writes to --out (replaced whole, never half
//     written) or stdout.
//     Exit: 0 done (an empty calendar is fine), 1 the database is missing or unreadable or
//     --out cannot be written, 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int IcalCommand(const std::vector<std::string>& args, const CompanyConfig& config,
                std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
