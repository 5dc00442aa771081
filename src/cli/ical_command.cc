#include "cli/ical_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "assign/calendar_feed.h"
#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/queue_command.h"

namespace ringback::cli {
namespace {

// Writes next to `path` and renames over it, so a calendar app polling the file never reads
// half a feed.
Status WriteWhole(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) return Status::IoError("cannot write " + tmp);
    file << text;
    if (!file.flush()) return Status::IoError("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IoError("cannot write " + path);
  }
  return Status::Ok();
}

}  // namespace

int IcalCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                std::ostream& err) {
  CLI::App app("Write the open callbacks as an iCalendar (.ics) feed.", "ical");
  std::string db, company, owner, out_path, as_of_text;
  bool events = false;
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  app.add_option("--owner", owner, "Only this owner's callbacks (case-insensitive)");
  app.add_option("--out", out_path, "Write the .ics here instead of stdout");
  app.add_option("--as-of", as_of_text, "Fix \"now\" (DTSTAMP), e.g. 2026-11-23T08:00 or ...Z");
  app.add_flag("--events", events, "Events ending at each deadline instead of tasks");
  if (auto code = ParseArgs(app, args, out, err)) return *code;

  CalendarOptions options;
  options.as_of = std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now());
  if (!as_of_text.empty()) {
    std::optional<Timestamp> parsed = ParseTimeArg(as_of_text, config.time_zone);
    if (!parsed) {
      err << "ringback ical: --as-of: not a time: \"" << as_of_text << "\" (use 2026-11-23T08:00)\n";
      return kExitUsage;
    }
    options.as_of = *parsed;
  }
  std::unique_ptr<Store> store = OpenExistingStore(db, company, "ical", err);
  if (!store) return kExitFatal;
  std::vector<Opportunity> callbacks;
  Status s = store->ForEachOpportunity([&](const Opportunity& o) {
    if (IsOpenCallback(o) && (owner.empty() || SameOwner(o.owner, owner))) callbacks.push_back(o);
    return Status::Ok();
  });
  if (!s.ok()) {
    err << "ringback ical: " << DisplayDb(db) << ": " << s.message() << "\n";
    return kExitFatal;
  }
  std::stable_sort(callbacks.begin(), callbacks.end(),
                   [](const Opportunity& a, const Opportunity& b) { return *a.deadline < *b.deadline; });

  if (!owner.empty() && !config.team.empty() &&
      std::none_of(config.team.begin(), config.team.end(), [&](const Person& p) { return SameOwner(p.name, owner); }))
    err << "ringback ical: note: \"" << owner << "\" is not on the team in the configuration\n";
  options.calendar_name = "Ringback callbacks";
  if (!config.name.empty()) options.calendar_name += ": " + config.name;
  if (!owner.empty()) options.calendar_name += " (" + TeamName(config, owner) + ")";
  options.uid_domain = CalendarUidDomain(config.name);
  options.time_zone = config.time_zone;
  options.item = events ? CalendarItem::kEvent : CalendarItem::kTodo;
  const std::string text = RenderCalendar(callbacks, options);
  if (out_path.empty()) {
    out << text;
    return kExitOk;
  }
  if (Status w = WriteWhole(out_path, text); !w.ok()) {
    err << "ringback ical: " << w.message() << "\n";
    return kExitFatal;
  }
  out << "Wrote " << callbacks.size() << (callbacks.size() == 1 ? " callback" : " callbacks") << " to "
      << out_path << "\n";
  return kExitOk;
}

}  // namespace ringback::cli
