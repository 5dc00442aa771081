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

// What --db says, in every command's help.
inline constexpr const char* kDbHelp =
    "The database: a SQLite file, or a PostgreSQL URI (postgresql://user@host/dbname)";

// Adds --company SLUG (the company within the database; "default" unless given) to `app`. A
// value that is not a slug (1 to 40 of a-z, 0-9, -) is a usage error.
void AddCompanyOption(CLI::App& app, std::string& company);

// Opens the store of `company` in a database that an audit wrote; says so and returns null
// when the database or the company is missing (never creates an empty one by mistake).
std::unique_ptr<Store> OpenExistingStore(const std::string& db, const std::string& company,
                                         const std::string& command, std::ostream& err);

// "2026-11-23T08:00" (company time) or an absolute ISO time.
std::optional<Timestamp> ParseTimeArg(const std::string& text, const std::string& zone);

}  // namespace ringback::cli
