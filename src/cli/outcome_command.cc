#include "cli/outcome_command.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <ostream>

#include "cli/commands.h"
#include "cli/parse.h"
#include "ingest/csv_reader.h"
#include "pipeline/actions.h"
#include "pipeline/audit.h"
#include "core/text.h"

namespace ringback::cli {
namespace {

constexpr const char* kOutcomeNames = "reached, not_reached, booked, not_a_fit, stopped, duplicate, do_not_contact";

struct Columns {
  int id = -1, outcome = -1, at = -1, actor = -1, note = -1;
};

Columns FindColumns(const std::vector<std::string>& header) {
  Columns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const std::string h = Lower(header[static_cast<std::size_t>(i)]);
    if (h == "id" || h == "opportunity_id") c.id = i;
    else if (h == "outcome") c.outcome = i;
    else if (h == "at" || h == "time" || h == "date") c.at = i;
    else if (h == "actor" || h == "by") c.actor = i;
    else if (h == "note" || h == "notes") c.note = i;
  }
  return c;
}

std::string Cell(const std::vector<std::string>& row, int col) {
  return col >= 0 && static_cast<std::size_t>(col) < row.size() ? row[static_cast<std::size_t>(col)] : std::string();
}

// Imports FILE: one transaction; a bad row is reported and skipped.
int ImportCsv(Store& store, const std::string& path, const CompanyConfig& config, int* recorded, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << "ringback outcome: cannot read " << path << "\n";
    return kExitFatal;
  }
  CsvReader reader(in);
  std::vector<std::string> row;
  if (!reader.Next(row)) {
    err << "ringback outcome: " << path << ":1: the file is empty\n";
    return kExitFatal;
  }
  const Columns col = FindColumns(row);
  if (col.id < 0 || col.outcome < 0 || col.at < 0) {
    err << "ringback outcome: " << path << ":1: the header needs the columns id, outcome and at\n";
    return kExitFatal;
  }
  if (Status s = store.Begin(); !s.ok()) {
    err << "ringback outcome: " << s.message() << "\n";
    return kExitFatal;
  }
  while (reader.Next(row)) {
    const std::string where = path + ":" + std::to_string(reader.line()) + ": ";
    if (!reader.error().empty()) {
      err << where << reader.error() << "\n";
      continue;
    }
    if (row.size() == 1 && row[0].empty()) continue;
    const std::optional<OutcomeKind> kind = ParseOutcome(Lower(Cell(row, col.outcome)));
    const std::optional<Timestamp> at = ParseTimeArg(Cell(row, col.at), config.time_zone);
    if (!kind) err << where << "outcome: \"" << Cell(row, col.outcome) << "\" is not one of " << kOutcomeNames << "\n";
    else if (!at) err << where << "at: not a time: \"" << Cell(row, col.at) << "\" (use 2026-11-23T08:00)\n";
    else if (Status s = RecordOutcome(store, {Cell(row, col.id), *at, *kind, Cell(row, col.actor), Cell(row, col.note), false}, false);
             !s.ok()) {
      if (s.code() != Status::Code::kNotFound) {
        (void)store.Rollback();  // the error below says what failed
        err << "ringback outcome: " << s.message() << "\n";
        return kExitFatal;
      }
      err << where << "id: " << s.message() << "\n";
    } else {
      ++*recorded;
    }
  }
  if (Status s = store.Commit(); !s.ok()) {
    err << "ringback outcome: " << s.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace

int OutcomeCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                   std::ostream& err) {
  CLI::App app("Record what came of a callback.", "outcome");
  std::string db, company, id, outcome_name, note, actor = "office", at_text, import;
  app.add_option("id", id, "Opportunity id from queue.csv (R-...)");
  app.add_option("outcome", outcome_name, kOutcomeNames);
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  app.add_option("--note", note, "What happened, in a few words");
  app.add_option("--actor", actor, "Who recorded it")->default_val("office");
  app.add_option("--at", at_text, "When (company time, e.g. 2026-11-23T10:15; default now)");
  app.add_option("--import", import, "A CSV of outcomes: id, outcome, at[, actor, note]");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  if (import.empty() == (id.empty() || outcome_name.empty())) {
    err << "ringback outcome: give ID and OUTCOME, or --import FILE.csv\n"
           "usage: ringback outcome ID OUTCOME --db FILE [--note TEXT] [--actor NAME] [--at TIME]\n";
    return kExitUsage;
  }
  std::optional<OutcomeKind> kind;
  if (import.empty() && !(kind = ParseOutcome(Lower(outcome_name)))) {
    err << "ringback outcome: \"" << outcome_name << "\" is not an outcome; use one of " << kOutcomeNames << "\n";
    return kExitUsage;
  }
  const std::optional<Timestamp> at = at_text.empty()
                                          ? std::optional<Timestamp>(std::chrono::floor<Seconds>(std::chrono::system_clock::now()))
                                          : ParseTimeArg(at_text, config.time_zone);
  if (!at) {
    err << "ringback outcome: --at: not a time: \"" << at_text << "\" (use 2026-11-23T10:15)\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenExistingStore(db, company, "outcome", err);
  if (!store) return kExitFatal;
  int recorded = 0;
  if (!import.empty()) {
    if (int code = ImportCsv(*store, import, config, &recorded, err); code != kExitOk) return code;
  } else if (Status s = RecordOutcome(*store, {id, *at, *kind, actor, note, false}); !s.ok()) {
    err << "ringback outcome: " << s.message() << "\n";
    return kExitFatal;
  } else {
    recorded = 1;
  }
  AuditOptions options;
  AuditResult result;
  // The queue is rebuilt as of now: an outcome dated in the past must not roll back what
  // happened since.
  result.as_of = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  if (Status s = RebuildQueue(*store, config, options, result); !s.ok()) {
    err << "ringback outcome: recorded, but the queue could not be rebuilt: " << s.message() << "\n";
    return kExitFatal;
  }
  if (import.empty()) out << "Recorded " << OutcomeName(*kind) << " for " << id << " (by " << actor << ")\n";
  else out << "Recorded " << recorded << " outcomes from " << import << "\n";
  return kExitOk;
}

}  // namespace ringback::cli
