// `ringback outcome`: what came of a callback, recorded by a person, so the queue and the
// weekly review show it. `args` are the arguments after the command name; `--config FILE` is
// read by the main program into `config` (time zone, roster) and must not be in `args`.
//
//   ringback outcome ID OUTCOME --db FILE [--note TEXT] [--actor NAME] [--at TIME]
//     Records OUTCOME (reached, not_reached, booked, not_a_fit, stopped, duplicate,
//     do_not_contact; "not reached" and "not-a-fit" also read) for the opportunity ID of
//     queue.csv, at TIME (company time or ISO; default now), then rebuilds the queue.
//     stopped and do_not_contact also record a stop for the contact, on every channel.
//
//   ringback outcome --import FILE.csv --db FILE
//     Records every row of a CSV with the columns id, outcome, at, and optionally actor and
//     note. A bad row is reported as FILE:LINE: field: reason and skipped; the good rows are
//     recorded. Importing the same file again changes nothing.
//
//   Exit: 0 recorded (also when some CSV rows were skipped: they are listed); 1 the database is
//   missing, the id is not in it, or the file cannot be read; 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int OutcomeCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                   std::ostream& err);

}  // namespace ringback::cli
