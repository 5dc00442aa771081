// Old estimate recovery: from the quotes a company sent and never sold, one respectful
// follow-up per quote, ranked by expected value, never a sequence, and never to anyone who
// said stop or not interested. Pure: the caller gathers the facts about each quote's contact.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/signal.h"
#include "core/status.h"
#include "core/time.h"

namespace ringback {

// The chance that a follow-up reopens a quote of up to `max_age_days`.
struct ReopenBand {
  int max_age_days = 0;
  double rate = 0;
  std::string label;  // "31–90 days"
};

struct RecoveryOptions {
  Seconds min_age = std::chrono::days(30);
  Seconds max_age = std::chrono::days(548);        // 18 months
  Seconds recently_reached = std::chrono::days(30);  // reached about it lately: leave it be
  // Calls to people who inquired are exempt from Do-Not-Call lists for 3 months after the
  // inquiry; older quotes need a consent check before a call.
  Seconds inquiry_exemption = std::chrono::days(90);
  int per_owner_per_day = 5;  // deadlines are spread so nobody gets forty calls on Monday
  // Follow-ups that would fall due later than this many business days are deferred (excluded,
  // lowest expected value first, with the reason): a plan is for the coming weeks, not a year.
  int horizon_business_days = 60;
  std::vector<ReopenBand> bands = DefaultBands();

  static std::vector<ReopenBand> DefaultBands();
};

// What the rest of Ringback knows about a quote's contact.
struct QuoteFacts {
  Estimate estimate;
  std::string contact_key;
  std::optional<Timestamp> stopped_at;       // a stop in force, any channel
  bool has_open_opportunity = false;         // already in the callback queue
  std::optional<Timestamp> last_reached_at;  // last time the office talked to them
  bool later_estimate = false;               // a newer quote for the same contact exists
};

enum class RecoveryDecision { kFollowUp, kNeedsConsentCheck, kExcluded };
std::string_view DecisionName(RecoveryDecision d);  // "follow_up", "needs_consent_check", "excluded"

struct RecoveryItem {
  Estimate estimate;
  std::string contact_key;
  RecoveryDecision decision = RecoveryDecision::kExcluded;
  std::vector<std::string> reasons;  // why it is in, or why it is out
  int age_days = 0;
  std::string age_band;
  double reopen_rate = 0;
  std::int64_t expected_value_cents = 0;
  std::string owner;
  std::string backup_owner;
  std::optional<Timestamp> deadline;
  std::string draft;  // filled by the caller for follow-ups (old-estimate template)
  std::string draft_channel;  // "sms", "email" or "call" (a text unless they refused texts); "" without a draft
};

struct RecoveryPlan {
  // Follow-ups by expected value, then consent checks, then exclusions. Filled by PlanRecovery;
  // a plan made with RecoveryPlanner (over a store of any size) leaves it empty.
  std::vector<RecoveryItem> items;
  std::map<std::string, std::int64_t> value_by_owner;  // expected value of the follow-ups per estimator
  std::map<std::string, int> count_by_band;            // follow-ups per age band
  std::map<std::string, int> excluded_by_reason;       // first reason of each exclusion
  int follow_ups = 0;
  int consent_checks = 0;
  int excluded = 0;
  std::int64_t at_stake_cents = 0;  // the follow-ups' quoted totals
  std::int64_t expected_cents = 0;  // and their expected value
};

// True for statuses that mean the work was sold ("approved", "converted", "won"...).
bool IsWonEstimate(std::string_view status);
// True for statuses that mean the quote is closed ("declined", "lost", "archived"...).
bool IsClosedEstimate(std::string_view status);
// True when a closed status also says why: the buyer is not interested.
bool SaysNotInterested(std::string_view status);

// Decides one quote on its own facts: follow up, check consent first, or leave it (with why),
// and its expected value. Owner, backup and deadline come later, in plan order.
RecoveryItem DecideQuote(const CompanyConfig& config, const QuoteFacts& quote, const RecoveryOptions& options,
                         Timestamp now);

// A decided quote's place in the plan: follow-ups first, then consent checks, then exclusions;
// within each, highest expected value first, then by estimate number.
int PlanRank(RecoveryDecision decision);

// Makes the plan one decided quote at a time, in plan order (PlanRank, expected value, number):
// assigns owner, backup and a spread-out deadline, defers what falls past the horizon, and
// keeps the plan's totals. Memory does not grow with the number of quotes.
class RecoveryPlanner {
 public:
  RecoveryPlanner(const CompanyConfig& config, const RecoveryOptions& options, Timestamp now)
      : config_(config), options_(options), now_(now) {}

  // Completes `item` (from DecideQuote) and counts it. Fails only when nobody can be assigned.
  Status Place(RecoveryItem& item);
  // The totals so far (items stay empty).
  const RecoveryPlan& plan() const { return plan_; }

 private:
  const CompanyConfig& config_;
  const RecoveryOptions& options_;
  Timestamp now_;
  RecoveryPlan plan_;
  std::map<std::string, int> per_owner_;  // follow-ups given so far, to spread deadlines
};

// Decides every quote, ranks the follow-ups, assigns owner, backup and a spread-out deadline.
StatusOr<RecoveryPlan> PlanRecovery(const CompanyConfig& config, const std::vector<QuoteFacts>& quotes,
                                    const RecoveryOptions& options, Timestamp now);

}  // namespace ringback
