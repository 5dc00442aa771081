#include "cli/forget_command.h"

#include <CLI/CLI.hpp>

#include <ostream>

#include "cli/commands.h"
#include "cli/parse.h"
#include "pipeline/actions.h"

namespace ringback::cli {

int ForgetCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                  std::ostream& err) {
  CLI::App app("Forget a person: remove their name, handles, texts, drafts and outcomes; keep their stop.", "forget");
  std::string db, company, who, actor, reason, as_of;
  app.add_option("who", who, "Their phone number or email")->required();
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  app.add_option("--actor", actor, "Who asked (recorded)")->required();
  app.add_option("--reason", reason, "Why (recorded, without the person's phone, email or name)")->required();
  app.add_option("--as-of", as_of, "Time of the change (default now)");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  const std::optional<Timestamp> at = as_of.empty()
                                          ? std::optional<Timestamp>(std::chrono::floor<Seconds>(std::chrono::system_clock::now()))
                                          : ParseTimeArg(as_of, config.time_zone);
  if (!at) {
    err << "ringback forget: --as-of: not a time\n";
    return kExitUsage;
  }
  auto store = OpenExistingStore(db, company, "forget", err);
  if (!store) return kExitFatal;
  StatusOr<ForgetReport> report = ForgetContact(*store, db, config, who, actor, reason, *at);
  if (!report.ok()) {
    err << "ringback forget: " << report.status().message() << "\n";
    return report.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  out << "Forgotten: " << report->handles << " phone(s) and email(s), " << report->rows << " row(s) removed"
      << (report->stop_kept ? "; their stop stays in force" : "") << " (by " << actor
      << "); the queue is rebuilt. Outputs written before still hold them: run the audit or review again.\n";
  return kExitOk;
}

}  // namespace ringback::cli
