#include "cli/recover_command.h"

#include <filesystem>
#include <ostream>

#include "cli/audit_command.h"
#include "cli/commands.h"
#include "cli/parse.h"
#include "config/config_loader.h"

namespace ringback::cli {

int RecoverCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("Plan one respectful follow-up per unsold quote.", "recover");
  AuditOptions options;
  std::string config_path, as_of, min_age = "30d", max_age = "18mo", recent = "30d";
  app.add_option("--estimates", options.inputs, "Estimate/quote exports (and any other exports)")->required();
  app.add_option("--config", config_path, "Company configuration (TOML)")->required();
  app.add_option("--db", options.db_path, std::string(kDbHelp) + " (default: in memory)");
  AddCompanyOption(app, options.company);
  app.add_option("--out", options.out_dir, "Folder for recovery.csv")->default_val("ringback-out");
  app.add_option("--min-age", min_age, "Follow up quotes older than this (30d, 6w, 2mo)");
  app.add_option("--max-age", max_age, "Leave quotes older than this alone (18mo, 1y)");
  app.add_option("--recently-reached", recent, "Leave a contact reached within this alone");
  app.add_option("--per-day", options.recovery.per_owner_per_day, "Follow-ups per estimator per business day");
  app.add_option("--as-of", as_of, "Fix \"now\" (company time, e.g. 2026-11-23T08:00)");
  app.add_flag("--sanitize", options.sanitize, "Initials and masked phones only");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  StatusOr<CompanyConfig> config = LoadConfig(config_path);
  if (!config.ok()) {
    err << "ringback recover: " << config.status().message() << "\n";
    return kExitFatal;
  }
  for (auto [text, target] : {std::pair{&min_age, &options.recovery.min_age}, std::pair{&max_age, &options.recovery.max_age},
                              std::pair{&recent, &options.recovery.recently_reached}}) {
    StatusOr<Seconds> age = ParseAge(*text);
    if (!age.ok()) {
      err << "ringback recover: " << age.status().message() << "\n";
      return kExitUsage;
    }
    *target = *age;
  }
  if (!as_of.empty() && !(options.as_of = ParseTimeArg(as_of, config->time_zone))) {
    err << "ringback recover: --as-of: not a time: \"" << as_of << "\"\n";
    return kExitUsage;
  }
  StatusOr<AuditResult> result = RunAudit(*config, options);
  if (!result.ok()) {
    err << "ringback recover: " << result.status().message() << "\n";
    return kExitFatal;
  }
  for (const FileReport& f : result->files)
    if (!f.error.empty()) err << "ringback recover: not imported: " << f.error << "\n";
  if (!result->recovery) {
    err << "ringback recover: no estimates were imported; pass an estimate or quote export with --estimates\n";
    return kExitFatal;
  }
  PrintRecoverySummary(*result->recovery, out);
  for (const auto& [owner, cents] : result->recovery->plan.value_by_owner)
    out << "  " << owner << ": $" << cents / 100 << " expected\n";
  out << "Wrote " << (std::filesystem::path(options.out_dir) / "recovery.csv").string() << "\n";
  return result->complete() ? kExitOk : kExitFatal;
}

}  // namespace ringback::cli
