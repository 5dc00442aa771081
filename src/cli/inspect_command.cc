#include "cli/inspect_command.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <ostream>

#include "cli/commands.h"
#include "core/time.h"
#include "ingest/importer.h"
#include "ingest/mapping_file.h"

namespace ringback::cli {
namespace {

constexpr const char* kUsage =
    "usage: ringback inspect FILE [--config FILE] [--mapping FILE] [--rows N] [--json]\n"
    "  shows how Ringback reads an export: format, encoding, the source recognised, which column\n"
    "  is which field, the first rows as parsed and the rows that would be rejected, and why\n";

constexpr std::size_t kMaxRejectsListed = 50;

struct Options {
  std::string file;
  std::string mapping;
  int rows = 5;
  bool json = false;
  bool help = false;
};

std::optional<Options> ParseArgs(const std::vector<std::string>& args, std::ostream& err) {
  Options o;
  auto value = [&](std::size_t& i, const std::string& name) -> std::optional<std::string> {
    const std::string& a = args[i];
    if (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0) return a.substr(name.size() + 1);
    if (i + 1 >= args.size()) {
      err << "ringback inspect: " << name << " needs a value\n" << kUsage;
      return std::nullopt;
    }
    return args[++i];
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto is = [&a](const char* name) { return a == name || a.rfind(std::string(name) + "=", 0) == 0; };
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (is("--config")) {
      if (!value(i, "--config")) return std::nullopt;  // read by the main program
    } else if (is("--mapping")) {
      auto v = value(i, "--mapping");
      if (!v) return std::nullopt;
      o.mapping = *v;
    } else if (is("--rows")) {
      auto v = value(i, "--rows");
      if (!v) return std::nullopt;
      char* end = nullptr;
      const long n = std::strtol(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || n < 0 || n > 100000) {
        err << "ringback inspect: --rows: not a number of rows: \"" << *v << "\"\n" << kUsage;
        return std::nullopt;
      }
      o.rows = static_cast<int>(n);
    } else if (a.size() > 1 && a[0] == '-') {
      err << "ringback inspect: unknown option " << a << "\n" << kUsage;
      return std::nullopt;
    } else if (!o.file.empty()) {
      err << "ringback inspect: one file at a time\n" << kUsage;
      return std::nullopt;
    } else {
      o.file = a;
    }
  }
  if (o.file.empty() && !o.help) {
    err << "ringback inspect: which file?\n" << kUsage;
    return std::nullopt;
  }
  return o;
}

// One parsed record, in file order, for the preview.
struct Row {
  enum class Type { kSignal, kAttempt, kEstimate } type;
  Signal signal;
  Attempt attempt;
  Estimate estimate;
  std::int64_t line() const {
    return type == Type::kSignal ? signal.source.line : type == Type::kAttempt ? attempt.source.line
                                                                               : estimate.source.line;
  }
};

// Keeps the first rows and the rejects; stores nothing.
class InspectSink : public ImportSink {
 public:
  explicit InspectSink(std::size_t max_rows) : max_rows_(max_rows) {}
  Status OnSignal(const Signal& s) override {
    if (rows.size() < max_rows_) rows.push_back({Row::Type::kSignal, s, {}, {}});
    return Status::Ok();
  }
  Status OnAttempt(const Attempt& a) override {
    if (rows.size() < max_rows_) rows.push_back({Row::Type::kAttempt, {}, a, {}});
    return Status::Ok();
  }
  Status OnEstimate(const Estimate& e) override {
    if (rows.size() < max_rows_) rows.push_back({Row::Type::kEstimate, {}, {}, e});
    return Status::Ok();
  }
  Status OnReject(const Reject& r) override {
    ++rejects_total;
    if (rejects.size() < kMaxRejectsListed) rejects.push_back(r);
    return Status::Ok();
  }
  std::vector<Row> rows;
  std::vector<Reject> rejects;
  std::int64_t rejects_total = 0;

 private:
  std::size_t max_rows_;
};

// "A", "B", … "Z", "AA": how a spreadsheet names the column.
std::string ColumnLetter(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string Local(Timestamp t, const CompanyConfig& config) {
  if (t == Timestamp{}) return "(no date)";
  return FormatLocal(t, config.time_zone, "%Y-%m-%d %H:%M %Z");
}

std::string Money(std::int64_t cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "$%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buf;
}

std::string Short(std::string text, std::size_t max = 60) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return text.substr(0, cut) + "…";
}

std::string Contact(const std::string& phone, const std::string& raw, const std::string& email) {
  std::string out = !phone.empty() ? phone : raw;
  if (!email.empty()) out += (out.empty() ? "" : " ") + email;
  return out.empty() ? "(no contact)" : out;
}

std::string Describe(const Row& row, const CompanyConfig& config) {
  std::string out;
  auto add = [&out](const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : "  ") + part;
  };
  if (row.type == Row::Type::kSignal) {
    const Signal& s = row.signal;
    add(std::string(ChannelName(s.channel)));
    add(Local(s.received_at, config));
    add(Contact(s.phone, s.phone_raw, s.email));
    add(s.name);
    if (s.channel == Channel::kCall) add(s.answered ? "answered" : "missed");
    if (s.duration_seconds >= 0) add(std::to_string(s.duration_seconds) + " s");
    if (!s.subject.empty()) add("[" + Short(s.subject, 40) + "]");
    if (!s.text.empty()) add("\"" + Short(s.text) + "\"");
    if (!s.lead_source.empty()) add("source: " + s.lead_source);
    if (!s.bulk.empty()) add("bulk: " + s.bulk);
  } else if (row.type == Row::Type::kAttempt) {
    const Attempt& a = row.attempt;
    add("attempt (" + std::string(ChannelName(a.channel)) + ")");
    add(Local(a.at, config));
    add("to " + Contact(a.phone, "", a.email));
    if (!a.actor.empty()) add("by " + a.actor);
    if (a.duration_seconds >= 0) add(std::to_string(a.duration_seconds) + " s");
  } else {
    const Estimate& e = row.estimate;
    add("estimate" + (e.number.empty() ? std::string() : " #" + e.number));
    add(Local(e.sent_at, config));
    add(Contact(e.phone, "", e.email));
    add(e.name);
    add(e.status.empty() ? "(no status)" : e.status);
    add(Money(e.total_cents));
    if (!e.trade.empty()) add("[" + Short(e.trade, 40) + "]");
    if (!e.estimator.empty()) add("by " + e.estimator);
  }
  return out;
}

// "(when the first is blank)", "(more text)", "(by its values)": how a mapped column is read.
std::string ColumnNote(const ColumnMap& map, int col) {
  std::string note;
  for (const auto& [f, c] : map.fallbacks)
    if (c == col) note += " (when the first is blank)";
  for (const auto& [f, c] : map.extra)
    if (c == col) note += f == Field::kText ? " (more text)" : " (joined)";
  if (std::find(map.by_content.begin(), map.by_content.end(), col) != map.by_content.end()) note += " (by its values)";
  return note;
}

std::string SourceLine(const ColumnMap& map) {
  return (map.profile.empty() ? std::string("generic mapping by header names") : map.profile) + " (" +
         std::string(SourceKindName(map.kind)) + ")";
}

void PrintText(const std::string& file, const Status& status, const ImportStats& stats, const InspectSink& sink,
               const CompanyConfig& config, int rows, std::ostream& out) {
  out << "File:      " << file << "\n";
  out << "Format:    " << (stats.format.empty() ? "(not recognised)" : stats.format) << "\n";
  if (!stats.encoding.empty()) out << "Encoding:  " << stats.encoding << "\n";
  if (!stats.kind.empty()) out << "Kind:      " << stats.kind << "\n";
  for (const TableReport& t : stats.tables) {
    out << "\n";
    if (!t.name.empty()) out << "Sheet:     " << t.name << "\n";
    if (!t.map) {
      out << "Not read:  " << t.error << "\n";
      continue;
    }
    out << "Source:    " << SourceLine(*t.map) << "\n";
    out << "Header:    " << (stats.format == "xlsx" ? "row " : "line ") << t.header_line << "\n";
    out << "Columns:\n";
    std::size_t width = 0;
    for (const std::string& h : t.header) width = std::max(width, std::min<std::size_t>(h.size(), 32));
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      std::string label = Short(t.header[i], 32);
      if (label.empty()) label = "(blank)";
      label.resize(std::max(label.size(), width), ' ');
      const std::optional<Field> field = t.map->FieldOf(static_cast<int>(i));
      std::string letter = ColumnLetter(i);
      letter.resize(3, ' ');
      out << "  " << letter << label << "  " << (field ? "-> " + std::string(FieldName(*field)) : "   (not used)");
      if (field) out << ColumnNote(*t.map, static_cast<int>(i));
      out << "\n";
    }
    if (t.map->has(Field::kClock))
      out << "Date/time: " << Short(t.header[static_cast<std::size_t>((*t.map)[Field::kTime])], 32) << " + "
          << Short(t.header[static_cast<std::size_t>((*t.map)[Field::kClock])], 32) << " joined into one time\n";
    if (!t.map->date_order_reason.empty()) out << "Dates:     " << t.map->date_order_reason << "\n";
    if (!t.map->lead_source.empty()) out << "Lead source: every row is " << t.map->lead_source << "\n";
    if (!t.unused.empty()) {
      out << "Unused:    ";
      for (std::size_t i = 0; i < t.unused.size(); ++i) out << (i ? ", " : "") << "\"" << Short(t.unused[i], 32) << "\"";
      out << " (no field reads " << (t.unused.size() == 1 ? "it" : "them") << ")\n";
    }
  }
  if (status.ok() || !sink.rows.empty()) {
    out << "\nFirst " << rows << " rows as parsed:\n";
    if (sink.rows.empty()) out << "  (none)\n";
    for (const Row& r : sink.rows) out << "  line " << r.line() << "  " << Describe(r, config) << "\n";
  }
  if (sink.rejects_total > 0) {
    out << "\nRejected rows: " << sink.rejects_total << "\n";
    for (const Reject& r : sink.rejects)
      out << "  " << r.file << ":" << r.line << "  " << (r.field.empty() ? "" : r.field + ": ") << r.reason << "\n";
    if (sink.rejects_total > static_cast<std::int64_t>(sink.rejects.size()))
      out << "  … and " << sink.rejects_total - static_cast<std::int64_t>(sink.rejects.size()) << " more\n";
  }
  if (!stats.notes.empty()) {
    out << "\nNotes:\n";
    for (const std::string& n : stats.notes) out << "  " << n << "\n";
  }
  out << "\nRead " << stats.records << " rows: " << stats.signals << " signals, " << stats.attempts << " attempts, "
      << stats.estimates << " estimates, " << stats.rejects << " rejected";
  if (stats.skipped > 0) out << ", " << stats.skipped << " skipped";
  out << ".\n";
}

nlohmann::json RowJson(const Row& row) {
  nlohmann::json j;
  j["line"] = row.line();
  if (row.type == Row::Type::kSignal) {
    const Signal& s = row.signal;
    j["type"] = "signal";
    j["id"] = s.id;
    j["channel"] = std::string(ChannelName(s.channel));
    j["time"] = FormatUtc(s.received_at);
    j["phone"] = s.phone;
    j["phone_raw"] = s.phone_raw;
    j["email"] = s.email;
    j["name"] = s.name;
    j["subject"] = s.subject;
    j["text"] = s.text;
    j["answered"] = s.answered;
    j["duration"] = s.duration_seconds;
    j["lead_source"] = s.lead_source;
    j["bulk"] = s.bulk;
  } else if (row.type == Row::Type::kAttempt) {
    const Attempt& a = row.attempt;
    j["type"] = "attempt";
    j["id"] = a.id;
    j["channel"] = std::string(ChannelName(a.channel));
    j["time"] = FormatUtc(a.at);
    j["phone"] = a.phone;
    j["email"] = a.email;
    j["actor"] = a.actor;
    j["duration"] = a.duration_seconds;
  } else {
    const Estimate& e = row.estimate;
    j["type"] = "estimate";
    j["id"] = e.id;
    j["number"] = e.number;
    j["time"] = FormatUtc(e.sent_at);
    j["phone"] = e.phone;
    j["email"] = e.email;
    j["name"] = e.name;
    j["status"] = e.status;
    j["total_cents"] = e.total_cents;
    j["trade"] = e.trade;
    j["estimator"] = e.estimator;
  }
  return j;
}

void PrintJson(const std::string& file, const Status& status, const ImportStats& stats, const InspectSink& sink,
               std::ostream& out) {
  nlohmann::json j;
  j["file"] = file;
  j["format"] = stats.format;
  j["encoding"] = stats.encoding;
  j["source"] = stats.source;
  j["kind"] = stats.kind;
  j["tables"] = nlohmann::json::array();
  for (const TableReport& t : stats.tables) {
    nlohmann::json tj;
    tj["sheet"] = t.name;
    tj["header_line"] = t.header_line;
    tj["source"] = t.map ? t.map->profile : "";
    tj["kind"] = t.map ? std::string(SourceKindName(t.map->kind)) : "";
    tj["columns"] = nlohmann::json::array();
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      const std::optional<Field> field = t.map ? t.map->FieldOf(static_cast<int>(i)) : std::nullopt;
      const bool by_content = t.map && std::find(t.map->by_content.begin(), t.map->by_content.end(),
                                                 static_cast<int>(i)) != t.map->by_content.end();
      tj["columns"].push_back({{"column", ColumnLetter(i)},
                               {"header", t.header[i]},
                               {"field", field ? nlohmann::json(std::string(FieldName(*field))) : nlohmann::json()},
                               {"by_content", by_content}});
    }
    tj["unused"] = t.unused;
    if (t.map) {
      tj["date_order"] = t.map->date_order == DateOrder::kDayFirst ? "day/month" : "month/day";
      tj["date_order_reason"] = t.map->date_order_reason;
      if (t.map->has(Field::kClock))
        tj["joined_time"] = {t.header[static_cast<std::size_t>((*t.map)[Field::kTime])],
                             t.header[static_cast<std::size_t>((*t.map)[Field::kClock])]};
      tj["lead_source"] = t.map->lead_source;
    }
    if (!t.error.empty()) tj["error"] = t.error;
    j["tables"].push_back(tj);
  }
  j["rows"] = nlohmann::json::array();
  for (const Row& r : sink.rows) j["rows"].push_back(RowJson(r));
  j["rejects"] = nlohmann::json::array();
  for (const Reject& r : sink.rejects)
    j["rejects"].push_back({{"file", r.file}, {"line", r.line}, {"field", r.field}, {"reason", r.reason}});
  j["rejects_total"] = sink.rejects_total;
  j["counts"] = {{"records", stats.records},     {"signals", stats.signals}, {"attempts", stats.attempts},
                 {"estimates", stats.estimates}, {"rejects", stats.rejects}, {"skipped", stats.skipped}};
  j["notes"] = stats.notes;
  if (!status.ok()) j["error"] = status.message();
  // Invalid UTF-8 cannot reach here (the importers decode), but never throw on output.
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

int InspectCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                   std::ostream& err) {
  std::optional<Options> options = ParseArgs(args, err);
  if (!options) return kExitUsage;
  if (options->help) {
    out << kUsage;
    return kExitOk;
  }
  ImportOptions import;
  if (!options->mapping.empty()) {
    StatusOr<MappingOverride> mapping = LoadMappingOverride(options->mapping);
    if (!mapping.ok()) {
      err << "ringback inspect: " << mapping.status().message() << "\n";
      return kExitFatal;
    }
    import.mapping = *mapping;
  }
  InspectSink sink(static_cast<std::size_t>(options->rows));
  ImportStats stats;
  const Status status = ImportFile(options->file, options->file, config, import, sink, &stats);
  if (options->json) PrintJson(options->file, status, stats, sink, out);
  else PrintText(options->file, status, stats, sink, config, options->rows, out);
  if (!status.ok()) {
    err << "ringback inspect: " << status.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace ringback::cli
