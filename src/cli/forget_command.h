// `ringback forget PHONE_OR_EMAIL --db FILE --config FILE --actor NAME --reason TEXT`: removes a
// person from the database (pipeline/actions.h ForgetContact, Store::Forget), keeps their stop
// in force as a keyed hash, records who and why, and rebuilds the queue.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

// Exit 0 when forgotten; 1 when the person is not in the database or the store fails; 2 on
// bad usage (no actor or reason, a text that is no phone or email).
int ForgetCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                  std::ostream& err);

}  // namespace ringback::cli
