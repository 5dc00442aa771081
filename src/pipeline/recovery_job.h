// The old-estimate recovery run over the store: gathers the facts about every quote's contact,
// plans the follow-ups (src/recovery) and writes recovery.csv.
#pragma once

#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "classify/classifier.h"
#include "core/company_config.h"
#include "recovery/recovery.h"
#include "store/store.h"

namespace ringback {

struct RecoveryRun {
  RecoveryPlan plan;
  int recovered = 0;                 // sold quotes that a follow-up reached after the minimum age
  std::int64_t recovered_cents = 0;  // their value
};

// Called with each quote of the plan, in plan order, its draft written.
using RecoveryItemSink = std::function<Status(const RecoveryItem& item)>;

// Plans one follow-up per unsold quote over the stored estimates, stops, open opportunities and
// attempts, in two streaming passes (decide each quote; then, in plan order, assign and draft),
// so memory stays flat however many quotes there are: the run keeps the plan's totals, and each
// quote goes to `sink` (may be empty). Drafts use the old-estimate template; none is written for
// a consent check or an exclusion. `classifier`: one the caller built for `config` (building one
// compiles every lexicon); null builds one.
StatusOr<RecoveryRun> PlanRecoveryFromStore(Store& store, const CompanyConfig& config, const RecoveryOptions& options,
                                            Timestamp now, bool sanitize,
                                            std::shared_ptr<const Classifier> classifier = nullptr,
                                            const RecoveryItemSink& sink = {});

// recovery.csv, written a row at a time: one row per quote, follow-ups first by expected value,
// with every reason.
class RecoveryCsvWriter {
 public:
  RecoveryCsvWriter(const CompanyConfig& config, bool sanitize) : config_(config), sanitize_(sanitize) {}
  Status Open(const std::string& path);  // writes the header
  Status Write(const RecoveryItem& item);
  Status Close();

 private:
  const CompanyConfig& config_;
  bool sanitize_;
  std::string path_;
  std::ofstream out_;
};

// `base` with the company's reopen rates ([recovery] in the config) as its age bands, when set;
// quotes older than the last band get a rate of 0.
RecoveryOptions RecoveryOptionsFor(const CompanyConfig& config, RecoveryOptions base);

// "30d", "6w", "18mo", "1y" -> seconds. Error for anything else.
StatusOr<Seconds> ParseAge(std::string_view text);

}  // namespace ringback
