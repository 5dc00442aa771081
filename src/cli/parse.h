// Helpers shared by the commands: argument parsing with CLI11 and opening the database.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/store.h"

namespace ringback::cli {

// Parses `args` (without the command name). Returns an exit code when the command must stop
// here: 0 after --help, 2 with a message on bad usage; nullopt to go on.
std::optional<int> ParseArgs(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err);

// Opens a database that an audit wrote; says so and returns null when the file is missing
// (never creates an empty one by mistake).
std::unique_ptr<Store> OpenExistingStore(const std::string& path, const std::string& command, std::ostream& err);

// "2026-11-23T08:00" (company time) or an absolute ISO time.
std::optional<Timestamp> ParseTimeArg(const std::string& text, const std::string& zone);

}  // namespace ringback::cli
