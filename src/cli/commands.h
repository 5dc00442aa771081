// The ringback command line: `ringback COMMAND [ARGS...]`. Exit codes are a contract with
// users' scripts: 0 success (rejected rows are not failure), 1 fatal error, 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ringback::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFatal = 1;
inline constexpr int kExitUsage = 2;

// Dispatches to the command named by args[0]; prints usage for none or an unknown one.
int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);

}  // namespace ringback::cli
