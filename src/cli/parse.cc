#include "cli/parse.h"

#include <date/tz.h>

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

void AddCompanyOption(CLI::App& app, std::string& company) {
  company = std::string(kDefaultCompany);
  app.add_option("--company", company, "The company (tenant) in the database: a slug such as acme-roofing")
      ->default_str(std::string(kDefaultCompany))
      ->check([](const std::string& value) -> std::string {
        return ValidCompany(value) ? "" : "\"" + value + "\" is not a company slug (1 to 40 of a-z, 0-9 and -)";
      });
}

std::unique_ptr<Store> OpenExistingStore(const std::string& db, const std::string& company,
                                         const std::string& command, std::ostream& err) {
  StatusOr<std::unique_ptr<Store>> store = OpenStore(db, company, {.create_database = false, .create_company = false});
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
