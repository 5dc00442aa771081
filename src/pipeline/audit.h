// The one-week audit: import every export given, derive the callback queue (classify, resolve
// contacts, assign, draft), and write queue.csv, rejects.csv and report.html. This is where
// the edges (files, store) meet the pure core.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "core/company_config.h"
#include "core/status.h"
#include "pipeline/recovery_job.h"
#include "pipeline/review_job.h"
#include "review/weekly_summary.h"
#include "store/store.h"

namespace ringback {

struct AuditOptions {
  std::vector<std::string> inputs;  // files, or folders read recursively
  std::string db_path;              // SQLite file or PostgreSQL URI; ":memory:" when empty
  std::string company = std::string(kDefaultCompany);  // the company (tenant) in the database
  // With `sanitize` on import: the file that keeps the hashing key. Empty: DefaultSanitizeKeyPath.
  std::string sanitize_key_path;
  std::string out_dir;              // where the three files go; none written when empty
  std::optional<Timestamp> as_of;   // "now"; the system clock when unset
  bool sanitize = false;            // names to initials, phones masked, emails dropped in outputs
  RecoveryOptions recovery;         // old-estimate recovery, run when estimates were imported
  // The week the review covers (report.html, review.csv, review.xlsx); unset: the ISO week of
  // the latest signal.
  std::optional<IsoWeek> week;
};

struct FileReport {
  std::string file;
  std::string format;
  std::string kind;
  std::int64_t signals = 0;
  std::int64_t attempts = 0;
  std::int64_t estimates = 0;
  std::int64_t rejects = 0;
  std::string error;  // non-empty: nothing of this file was imported
};

struct AuditResult {
  std::vector<FileReport> files;
  StoreCounts counts;
  WeeklySummary summary;
  std::optional<RecoveryRun> recovery;  // set when the store holds estimates
  std::optional<ReviewRun> review;      // the weekly review, set when outputs were written
  Timestamp as_of{};
  bool complete() const {
    for (const FileReport& f : files)
      if (!f.error.empty()) return false;
    return true;
  }
};

// Imports `options.inputs` into the store (each file one transaction) and rebuilds the queue.
Status ImportInputs(Store& store, const CompanyConfig& config, const AuditOptions& options,
                    AuditResult& result);
Status RebuildQueue(Store& store, const CompanyConfig& config, const AuditOptions& options,
                    AuditResult& result);
// The same with a classifier built once by the caller (Classifier::Create compiles every
// lexicon: worth sharing when the queue is rebuilt often).
Status RebuildQueue(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result,
                    std::shared_ptr<const Classifier> classifier);
// When an opportunity's draft may go out: `as_of` or when the request came, whichever is later,
// moved out of quiet hours in the person's zone (texts and calls; an email is not held); empty
// without a draft. Emergencies go at once.
std::optional<Timestamp> DraftSendAfter(const Opportunity& o, const CompanyConfig& config, Timestamp as_of);

// Writes queue.csv, rejects.csv, recovery.csv, review.csv, review.xlsx and report.html to
// options.out_dir (nothing when it is empty). With `report_html`, report.html's text is also
// returned there, written or not.
Status WriteOutputs(Store& store, const CompanyConfig& config, const AuditOptions& options,
                    AuditResult& result, std::string* report_html = nullptr);

// Where the sanitize key of a database is kept when not told: beside a SQLite file
// (DB.sanitize-key for the default company, DB.COMPANY.sanitize-key for another); empty for
// PostgreSQL, whose key file must be named (--sanitize-key) since there is no file to keep it
// beside. The key never goes into the database: a sanitized database can be shared without it.
std::string DefaultSanitizeKeyPath(const std::string& db, const std::string& company);

// All three steps on a store opened from options.db_path for options.company.
StatusOr<AuditResult> RunAudit(const CompanyConfig& config, const AuditOptions& options);

// The weekly review on an existing database: rebuilds the queue as of options.as_of (outcomes
// recorded since the audit count), plans recovery, and writes the outputs for options.week.
// Nothing is imported; options.inputs is ignored. NotFound when the database does not exist.
StatusOr<AuditResult> RunReview(const CompanyConfig& config, const AuditOptions& options);

}  // namespace ringback
