#include "cli/parse.h"

#include <date/tz.h>

#include <filesystem>
#include <ostream>

#include "ingest/time_parse.h"

namespace ringback::cli {

std::optional<int> ParseArgs(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "ringback " << app.get_name() << ": " << e.what() << "\n"
        << "Run `ringback " << app.get_name() << " --help` for usage.\n";
    return 2;
  }
  return std::nullopt;
}

std::unique_ptr<Store> OpenExistingStore(const std::string& path, const std::string& command, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    err << "ringback " << command << ": no database at " << path << "; run `ringback audit ... --db " << path
        << "` first\n";
    return nullptr;
  }
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(path);
  if (!store.ok()) {
    err << "ringback " << command << ": " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

std::optional<Timestamp> ParseTimeArg(const std::string& text, const std::string& zone) {
  try {
    return ParseExportTime(text, date::locate_zone(zone));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace ringback::cli
