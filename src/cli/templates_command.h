// `ringback templates`: the callback templates a company will send, checked before anyone
// sends them. `args` are the arguments after "templates"; `--config FILE` is read by the main
// program into `config` (its [templates.*] override the built-in ones) and skipped here.
//
//   ringback templates check
//     Lints every template a draft can use (sms, email and call, per category) and every
//     company template no draft can use. Prints per template: channel.category, built-in or
//     company, encoding (GSM-7/UCS-2, SMS only), characters, segments (SMS only), then its
//     errors and warnings, then a total line.
//     Exit: 0 no errors (warnings such as "2 segments" are allowed); 1 a template has an error:
//     no way to stop on an SMS or email, an unknown or unfilled merge field, pressure wording
//     (urgency tricks, discounts), a syntax error; 2 bad usage.
//
//   ringback templates show CATEGORY [--channel sms|email|call]
//     Renders the template for CATEGORY (default channel sms) with sample values, then its
//     encoding, characters and segments (SMS) and its findings.
//     Exit: 0 shown (also "no draft is ever written" for spam, duplicate, stop); 1 the
//     template has an error; 2 bad usage (unknown category or channel).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int TemplatesCommand(const std::vector<std::string>& args, const ringback::CompanyConfig& config,
                     std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
