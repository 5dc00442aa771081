#include "cli/audit_command.h"

#include <filesystem>
#include <ostream>

namespace ringback::cli {

void PrintRecoverySummary(const RecoveryRun& run, std::ostream& out) {
  const RecoveryPlan& plan = run.plan;
  out << "Old estimates: " << plan.follow_ups << " to follow up once (expected $" << plan.expected_cents / 100
      << "), " << plan.consent_checks << " need a consent check, " << plan.excluded << " excluded";
  if (run.recovered > 0) out << "; " << run.recovered << " recovered so far ($" << run.recovered_cents / 100 << ")";
  out << "\n";
}

void PrintAuditSummary(const CompanyConfig& config, const AuditOptions& options, const AuditResult& result,
                       std::ostream& out) {
  const WeeklySummary& s = result.summary;
  std::int64_t files_ok = 0;
  for (const FileReport& f : result.files) files_ok += f.error.empty() ? 1 : 0;
  out << "Ringback audit: " << config.name << ", as of "
      << FormatLocal(result.as_of, config.time_zone, "%a %m/%d/%Y %I:%M %p %Z") << "\n";
  out << "Read " << result.counts.signals << " signals, " << result.counts.attempts << " callbacks and "
      << result.counts.estimates << " estimates from " << files_ok << " file" << (files_ok == 1 ? "" : "s")
      << "; " << result.counts.rejects << " rows rejected\n";
  for (const FileReport& f : result.files)
    if (!f.error.empty()) out << "  not imported: " << f.error << "\n";
  out << "Opportunities: " << s.real_opportunities << " real";
  for (const auto& [cat, n] : s.opportunities_by_category) out << ", " << CategoryName(cat) << " " << n;
  out << "\nAlso: " << s.duplicates << " duplicate, " << s.spam << " spam, " << s.do_not_contact
      << " do-not-contact\n";
  out << "Overdue: " << s.overdue << " with no attempt by the deadline (" << s.escalated << " escalated); " << s.open
      << " open, " << s.attempted << " attempted, " << s.reached << " reached\n";
  if (result.recovery) PrintRecoverySummary(*result.recovery, out);
  if (s.invalid_numbers > 0)
    out << "Check: " << s.invalid_numbers << " opportunit" << (s.invalid_numbers == 1 ? "y has" : "ies have")
        << " a phone number that is not valid (kept as written)\n";
  if (!options.out_dir.empty()) {
    const std::filesystem::path dir(options.out_dir);
    out << "Wrote " << (dir / "queue.csv").string() << ", " << (dir / "rejects.csv").string() << ", "
        << (dir / "report.html").string() << (result.recovery ? ", " + (dir / "recovery.csv").string() : "") << ", "
        << (dir / "review.csv").string() << ", " << (dir / "review.xlsx").string() << "\n";
  }
}

}  // namespace ringback::cli
