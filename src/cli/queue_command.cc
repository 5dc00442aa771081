#include "cli/queue_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/parse.h"
#include "core/text.h"

namespace ringback::cli {
namespace {

using Json = nlohmann::ordered_json;  // fields in the documented order

std::string_view LiveStatus(const Opportunity& o, Timestamp as_of) {
  if (o.first_attempt_at || o.status == OpportunityStatus::kAttempted) return "attempted";
  return IsOverdueAt(o, as_of) ? "overdue" : "open";
}

// Deadline first (none last), then arrival, then id: a stable order for people and diffs.
bool ByDeadline(const Opportunity& a, const Opportunity& b) {
  if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
  if (a.deadline && *a.deadline != *b.deadline) return *a.deadline < *b.deadline;
  if (a.received_at != b.received_at) return a.received_at < b.received_at;
  return a.id < b.id;
}

std::string Contact(const Opportunity& o) { return o.contact_display.empty() ? o.contact_key : o.contact_display; }

// Characters, not octets: names and contacts are UTF-8.
std::size_t Width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Clip(const std::string& s, std::size_t max) {
  if (Width(s) <= max) return s;
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars == max) break;  // room for "…"
  }
  return s.substr(0, i) + "\xE2\x80\xA6";
}

std::string Pad(const std::string& s, std::size_t width) {
  const std::size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

void PrintTable(const std::vector<Opportunity>& rows, const CompanyConfig& config, Timestamp as_of,
                const std::string& owner, std::ostream& out) {
  const std::string& zone = config.time_zone;
  std::size_t overdue = 0;
  for (const Opportunity& o : rows) overdue += IsOverdueAt(o, as_of) ? 1 : 0;
  out << "Callback queue" << (config.name.empty() ? "" : ": " + config.name)
      << (owner.empty() ? "" : " (owner " + owner + ")") << ", as of "
      << FormatLocal(as_of, zone, "%a %m/%d/%Y %I:%M %p %Z") << "\n";
  if (rows.empty()) {
    out << "Nothing to call back.\n";
    return;
  }
  // Columns: max widths keep a row on one line; the next action, last, is never cut. The id
  // is what other commands (outcomes, stops) take.
  const std::vector<std::string> header = {"ID", "DEADLINE", "STATUS", "OWNER", "BACKUP", "CATEGORY", "CONTACT", "NEXT ACTION"};
  const std::vector<std::size_t> max = {16, 20, 9, 20, 20, 15, 36};
  std::vector<std::vector<std::string>> cells;
  for (const Opportunity& o : rows) {
    std::string status(LiveStatus(o, as_of));
    if (status == "overdue") status = "OVERDUE";
    cells.push_back({o.id, o.deadline ? FormatLocal(*o.deadline, zone, "%a %m/%d %I:%M %p") : "-", status,
                     o.owner.empty() ? "-" : o.owner, o.backup_owner.empty() ? "-" : o.backup_owner,
                     std::string(CategoryName(o.category)), Contact(o), o.next_action});
  }
  std::vector<std::size_t> width(max.size());
  for (std::size_t c = 0; c < max.size(); ++c) {
    width[c] = Width(header[c]);
    for (auto& row : cells) {
      row[c] = Clip(row[c], max[c]);
      width[c] = std::max(width[c], Width(row[c]));
    }
  }
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < width.size(); ++c) line += Pad(row[c], width[c]) + "  ";
    out << line << row.back() << "\n";
  };
  print(header);
  for (const auto& row : cells) print(row);
  out << rows.size() << (rows.size() == 1 ? " callback" : " callbacks") << ", " << overdue << " overdue\n";
}

void PrintJson(const std::vector<Opportunity>& rows, const CompanyConfig& config, Timestamp as_of, std::ostream& out) {
  out << "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Opportunity& o = rows[i];
    Json j = {{"id", o.id},
              {"owner", o.owner},
              {"backup_owner", o.backup_owner},
              {"category", CategoryName(o.category)},
              {"status", LiveStatus(o, as_of)},
              {"deadline", o.deadline ? Json(FormatLocalIso(*o.deadline, config.time_zone)) : Json(nullptr)},
              {"next_action", o.next_action},
              {"contact", Contact(o)},
              {"overdue", IsOverdueAt(o, as_of)},
              {"lead_source", o.lead_source},
              {"draft", o.draft},
              {"draft_channel", o.draft_channel}};
    // Exports are not always valid UTF-8; replace bad bytes rather than fail the listing.
    out << (i == 0 ? "\n" : ",\n") << j.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  out << (rows.empty() ? "]\n" : "\n]\n");
}

}  // namespace

bool IsLiveWork(const Opportunity& o) {
  return IsReal(o.category) &&
         (o.status == OpportunityStatus::kOpen || o.status == OpportunityStatus::kOverdue ||
          o.status == OpportunityStatus::kAttempted);
}

bool IsOverdueAt(const Opportunity& o, Timestamp as_of) {
  return !o.first_attempt_at && o.status != OpportunityStatus::kAttempted && o.deadline && *o.deadline < as_of;
}

bool SameOwner(std::string_view a, std::string_view b) {
  a = Trim(a);
  b = Trim(b);
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string TeamName(const CompanyConfig& config, std::string_view name) {
  for (const Person& p : config.team)
    if (SameOwner(p.name, name)) return p.name;
  return std::string(Trim(name));
}

int QueueCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                 std::ostream& err) {
  CLI::App app("Print the live callback queue from an audit database, by deadline.", "queue");
  std::string db, company, owner, as_of_text;
  bool overdue_only = false, json = false;
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  app.add_option("--owner", owner, "Only this owner's callbacks (case-insensitive)");
  app.add_flag("--overdue", overdue_only, "Only callbacks past their deadline with no attempt");
  app.add_flag("--json", json, "A JSON array instead of the table");
  app.add_option("--as-of", as_of_text, "Fix \"now\", e.g. 2026-11-23T08:00 (company time) or ...Z");
  if (auto code = ParseArgs(app, args, out, err)) return *code;

  Timestamp as_of = std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now());
  if (!as_of_text.empty()) {
    std::optional<Timestamp> parsed = ParseTimeArg(as_of_text, config.time_zone);
    if (!parsed) {
      err << "ringback queue: --as-of: not a time: \"" << as_of_text << "\" (use 2026-11-23T08:00)\n";
      return kExitUsage;
    }
    as_of = *parsed;
  }
  std::unique_ptr<Store> store = OpenExistingStore(db, company, "queue", err);
  if (!store) return kExitFatal;
  std::vector<Opportunity> rows;
  Status s = store->ForEachOpportunity([&](const Opportunity& o) {
    if (!IsLiveWork(o)) return Status::Ok();
    if (!owner.empty() && !SameOwner(o.owner, owner)) return Status::Ok();
    if (overdue_only && !IsOverdueAt(o, as_of)) return Status::Ok();
    rows.push_back(o);
    return Status::Ok();
  });
  if (!s.ok()) {
    err << "ringback queue: " << DisplayDb(db) << ": " << s.message() << "\n";
    return kExitFatal;
  }
  std::stable_sort(rows.begin(), rows.end(), ByDeadline);
  const std::string shown_owner = TeamName(config, owner);
  if (!owner.empty() && !config.team.empty() &&
      std::none_of(config.team.begin(), config.team.end(), [&](const Person& p) { return SameOwner(p.name, owner); }))
    err << "ringback queue: note: \"" << owner << "\" is not on the team in the configuration\n";
  if (json) PrintJson(rows, config, as_of, out);
  else PrintTable(rows, config, as_of, shown_owner, out);
  return kExitOk;
}

}  // namespace ringback::cli
