#include "cli/review_command.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "cli/parse.h"
#include "config/config_loader.h"
#include "pipeline/audit.h"
#include "review/report_sections.h"

namespace ringback::cli {

int ReviewCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("The weekly review of an audited database.", "review");
  AuditOptions options;
  std::string config_path, as_of, week;
  app.add_option("--db", options.db_path, kDbHelp)->required();
  AddCompanyOption(app, options.company);
  app.add_option("--config", config_path, "Company configuration (TOML)")->required();
  app.add_option("--week", week, "ISO week, e.g. 2026-W47 (default: the week of the latest signal)");
  app.add_option("--out", options.out_dir, "Folder for report.html, review.xlsx, review.csv")
      ->default_val("ringback-review");
  app.add_option("--as-of", as_of, "Fix \"now\", e.g. 2026-11-23T08:00 (company time)");
  app.add_flag("--sanitize", options.sanitize, "Initials and masked phones only: a report to share");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  StatusOr<CompanyConfig> config = LoadConfig(config_path);
  if (!config.ok()) {
    err << "ringback review: " << config.status().message() << "\n";
    return kExitFatal;
  }
  if (!week.empty()) {
    StatusOr<IsoWeek> parsed = ParseIsoWeek(week, config->time_zone);
    if (!parsed.ok()) {
      err << "ringback review: --week: " << parsed.status().message() << "\n";
      return kExitUsage;
    }
    options.week = *parsed;
  }
  if (!as_of.empty() && !(options.as_of = ParseTimeArg(as_of, config->time_zone))) {
    err << "ringback review: --as-of: not a time: \"" << as_of << "\" (use 2026-11-23T08:00)\n";
    return kExitUsage;
  }
  StatusOr<AuditResult> result = RunReview(*config, options);
  if (!result.ok()) {
    err << "ringback review: " << result.status().message() << "\n";
    return kExitFatal;
  }
  const WeekMetrics& w = result->review->week;
  const std::filesystem::path dir(options.out_dir);
  out << "Week " << w.week.Label() << ": " << w.real_opportunities << " real opportunities, " << w.attempted
      << " attempted (" << w.attempted_within_sla << " within deadline), " << w.reached << " reached, " << w.booked
      << " booked, " << w.stopped << " stopped\n";
  if (w.clock_all.count > 0)
    out << "Time to first attempt: median " << FormatDelay(w.clock_all.median) << ", 90th percentile "
        << FormatDelay(w.clock_all.p90) << " (business time: " << FormatDelay(w.business_all.median) << ", "
        << FormatDelay(w.business_all.p90) << ")\n";
  int failures = 0;
  for (const auto& [point, n] : w.failures_by_point) failures += n;
  out << "Handoff failures: " << failures;
  for (const auto& [point, n] : w.failures_by_point) out << (point == w.failures_by_point.begin()->first ? " (" : ", ") << HandoffName(point) << " " << n;
  out << (failures > 0 ? ")" : "") << "\n";
  out << "Estimated leak: " << report_internal::Dollars(w.leak.total_cents) << " (" << w.leak.missed_total
      << " missed real opportunities)\n";
  out << "Wrote " << (dir / "report.html").string() << ", " << (dir / "review.xlsx").string() << ", "
      << (dir / "review.csv").string() << "\n";
  return kExitOk;
}

}  // namespace ringback::cli
