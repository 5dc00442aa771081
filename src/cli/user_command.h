// `ringback user`: the web app's accounts.
//
//   ringback user add LOGIN --role admin|office|estimator|technician --db FILE
//                    [--name "Roster Name"] [--config FILE] [--password-stdin] [--replace]
//   ringback user list --db FILE
//
// The password is read from the terminal (asked twice, not echoed) or, with
// --password-stdin, from the first line of standard input; at least 10 characters. It is
// stored as an Argon2id hash. --name is the person's name on the team roster: a technician
// sees the work assigned to that name, so it is required for technicians and estimators (and
// checked against the roster when --config is given). An existing login is an error unless
// --replace (a password reset).
// Exit: 0 done; 1 the database is missing or the login exists; 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ringback::cli {

int UserCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
