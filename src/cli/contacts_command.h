// `ringback contacts --db FILE [--json]`: every contact with its handles, the channels it used,
// its open opportunity and whether it asked to stop.
// `ringback stop add|lift|list`: manage stops (do-not-contact) by hand, with actor and reason.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int ContactsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// add HANDLE --reason R --actor NAME [--channel C]: records a stop for a phone or email.
// lift HANDLE --reason R --actor NAME: lifts every stop in force for that contact.
// list [--all]: stops in force (with --all, lifted ones too).
// add and lift rebuild the queue so no draft or next action remains for a stopped contact.
int StopCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                std::ostream& err);

}  // namespace ringback::cli
