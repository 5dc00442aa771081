#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/audit_command.h"
#include "cli/classify_command.h"
#include "cli/contacts_command.h"
#include "cli/forget_command.h"
#include "cli/calculators_command.h"
#include "cli/ical_command.h"
#include "cli/inspect_command.h"
#include "cli/outcome_command.h"
#include "cli/queue_command.h"
#include "cli/parse.h"
#include "cli/recover_command.h"
#include "cli/review_command.h"
#include "cli/serve_command.h"
#include "cli/user_command.h"
#include "cli/templates_command.h"
#include "config/config_loader.h"
#include "pipeline/audit.h"

namespace ringback::cli {
namespace {

constexpr const char* kUsage =
    "Usage: ringback COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  audit INPUT... --config FILE   import a week of exports and write the callback queue and report\n"
    "  classify [FILE] [--config FILE] classify JSON lines {\"id\",\"channel\",\"text\"} from stdin or FILE\n"
    "  eval LABELLED.jsonl [--config FILE]  score the classifier on labelled JSON lines\n"
    "  recover --estimates FILE... --config FILE  one follow-up per unsold quote (recovery.csv)\n"
    "  inspect FILE [--mapping FILE]   show how an export is read: format, encoding, columns, rejects\n"
    "  queue --db FILE [--owner NAME] [--overdue] [--json]  the live callback queue by deadline\n"
    "  ical --db FILE [--owner NAME]   open callback deadlines as an iCalendar (RFC 5545) feed\n"
    "  templates check|show            lint the callback templates (SMS segments, stop wording)\n"
    "  outcome ID OUTCOME --db FILE    record what came of a callback (or --import FILE.csv)\n"
    "  review --db FILE --config FILE [--week 2026-W47]  the weekly review: report.html, review.xlsx\n"
    "  leak --missed N [--booking-rate R] [--job-value D]  the missed-call revenue leak calculator\n"
    "  response-time [--delay 2h]      how delay changes the chance of reaching a buyer\n"
    "  contacts --db FILE [--json]     contacts with handles, channels, open opportunity, stop status\n"
    "  stop add|lift|list --db FILE ...  record or lift a stop (do-not-contact), with reason and actor\n"
    "  forget PHONE_OR_EMAIL --db DB [--company SLUG] --config FILE --actor NAME --reason TEXT\n"
    "                                  remove a person from the database; their stop stays in force\n"
    "  serve --db FILE --config FILE [--listen 127.0.0.1:8080]  the web app: board, outcomes, review\n"
    "  user add LOGIN --role ROLE --db FILE [--name NAME]  add a web app account (user list: the accounts)\n"
    "  version                         print the version\n"
    "\n"
    "--db is a SQLite file or a PostgreSQL URI (postgresql://user@host/dbname?host=/socket/dir);\n"
    "--company SLUG picks the company within it (default: default).\n"
    "\n"
    "Run `ringback COMMAND --help` for a command's options.\n";

int Audit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("Import a week of exports and write the callback queue and report.", "audit");
  AuditOptions options;
  std::string config_path, as_of;
  app.add_option("inputs", options.inputs, "Export files or folders (read recursively)")->required();
  app.add_option("--config", config_path, "Company configuration (TOML)")->required();
  app.add_option("--db", options.db_path, std::string(kDbHelp) + " (default: in memory)");
  AddCompanyOption(app, options.company);
  app.add_option("--sanitize-key", options.sanitize_key_path,
                 "With --sanitize: the file that keeps the key (default: DB.sanitize-key beside a SQLite file; "
                 "required with PostgreSQL)");
  app.add_option("--out", options.out_dir, "Folder for queue.csv, rejects.csv and report.html")
      ->default_val("ringback-out");
  app.add_option("--as-of", as_of, "Fix \"now\", e.g. 2026-11-23T08:00 (company time) or ...Z");
  app.add_flag("--sanitize", options.sanitize, "Mask names, phones and emails in the outputs");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  if (options.sanitize && options.sanitize_key_path.empty() && IsPostgresUri(options.db_path)) {
    err << "ringback audit: --sanitize with a PostgreSQL --db needs --sanitize-key FILE (where the key is kept, "
           "outside the database)\n";
    return kExitUsage;
  }
  StatusOr<CompanyConfig> config = LoadConfig(config_path);
  if (!config.ok()) {
    err << "ringback audit: " << config.status().message() << "\n";
    return kExitFatal;
  }
  if (!as_of.empty()) {
    options.as_of = ParseTimeArg(as_of, config->time_zone);
    if (!options.as_of) {
      err << "ringback audit: --as-of: not a time: \"" << as_of << "\" (use 2026-11-23T08:00)\n";
      return kExitUsage;
    }
  }
  StatusOr<AuditResult> result = RunAudit(*config, options);
  if (!result.ok()) {
    err << "ringback audit: " << result.status().message() << "\n";
    return kExitFatal;
  }
  PrintAuditSummary(*config, options, *result, out);
  if (!result->complete()) {
    err << "ringback audit: some inputs could not be imported (listed above and in rejects.csv); "
           "the rest of the audit is complete\n";
    return kExitFatal;
  }
  return kExitOk;
}

// Commands that read only the configuration.
int WithConfig(const std::string& name, const std::vector<std::string>& args, std::istream& in, std::ostream& out,
               std::ostream& err) {
  std::vector<std::string> rest;
  std::string config_path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--config" && i + 1 < args.size()) config_path = args[++i];
    else if (args[i].rfind("--config=", 0) == 0) config_path = args[i].substr(9);
    else rest.push_back(args[i]);
  }
  CompanyConfig config;
  if (!config_path.empty()) {
    StatusOr<CompanyConfig> loaded = LoadConfig(config_path);
    if (!loaded.ok()) {
      err << "ringback " << name << ": " << loaded.status().message() << "\n";
      return kExitFatal;
    }
    config = *loaded;
  }
  if (name == "classify") return ClassifyCommand(rest, config, in, out, err);
  if (name == "stop") return StopCommand(rest, config, out, err);
  if (name == "forget") return ForgetCommand(rest, config, out, err);
  if (name == "queue") return QueueCommand(rest, config, out, err);
  if (name == "ical") return IcalCommand(rest, config, out, err);
  if (name == "templates") return TemplatesCommand(rest, config, out, err);
  if (name == "inspect") return InspectCommand(rest, config, out, err);
  if (name == "outcome") return OutcomeCommand(rest, config, out, err);
  if (name == "leak") return LeakCommand(rest, config, out, err);
  if (name == "response-time") return ResponseTimeCommand(rest, config, out, err);
  return EvalCommand(rest, config, in, out, err);
}

}  // namespace

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "audit") return Audit(rest, out, err);
  for (const char* name : {"classify", "eval", "stop", "forget", "queue", "ical", "templates", "inspect", "outcome", "leak",
                           "response-time"})
    if (command == name) return WithConfig(command, rest, in, out, err);
  if (command == "contacts") return ContactsCommand(rest, out, err);
  if (command == "recover") return RecoverCommand(rest, out, err);
  if (command == "review") return ReviewCommand(rest, out, err);
  if (command == "serve") return ServeCommand(rest, out, err);
  if (command == "user") return UserCommand(rest, in, out, err);
  if (command == "version" || command == "--version") {
    out << "ringback 0.1.0\n";
    return kExitOk;
  }
  err << "ringback: unknown command \"" << command << "\"\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace ringback::cli
