#include "recovery/recovery.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "assign/assigner.h"
#include "core/text.h"

namespace ringback {
namespace {

bool HasAny(std::string_view status, std::initializer_list<std::string_view> words) {
  return ContainsAny(Lower(status), words);
}

std::string Money(std::int64_t cents) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "$%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
  std::string out = buf;
  for (int pos = static_cast<int>(out.find('.')) - 3; pos > 1; pos -= 3) out.insert(static_cast<std::size_t>(pos), ",");
  return out;
}

std::string Date(Timestamp t, const CompanyConfig& config) { return FormatLocal(t, config.time_zone, "%F"); }

// The first reason a quote is not followed up, or empty when it is a candidate.
std::string Exclusion(const CompanyConfig& config, const QuoteFacts& q, const RecoveryOptions& options, Timestamp now) {
  const Estimate& e = q.estimate;
  const auto age = now - e.sent_at;
  if (q.stopped_at) return "asked to stop on " + Date(*q.stopped_at, config);
  if (IsWonEstimate(e.status)) return "already sold (" + e.status + ")";
  if (SaysNotInterested(e.status)) return "declined: not interested";
  if (IsClosedEstimate(e.status)) return "closed (" + e.status + ")";
  if (HasAny(e.status, {"draft"})) return "never sent (draft)";
  if (q.later_estimate) return "a newer quote exists for this contact";
  if (q.has_open_opportunity) return "already in the callback queue";
  if (q.last_reached_at && now - *q.last_reached_at < options.recently_reached)
    return "reached on " + Date(*q.last_reached_at, config) + ", less than " +
           std::to_string(std::chrono::floor<std::chrono::days>(options.recently_reached).count()) + " days ago";
  if (age < options.min_age)
    return "too recent (" + std::to_string(std::chrono::floor<std::chrono::days>(age).count()) + " days)";
  if (age > options.max_age) return "older than the maximum age";
  return "";
}

const ReopenBand* BandFor(const RecoveryOptions& options, int age_days) {
  for (const ReopenBand& b : options.bands)
    if (age_days <= b.max_age_days) return &b;
  return options.bands.empty() ? nullptr : &options.bands.back();
}

}  // namespace

RecoveryItem DecideQuote(const CompanyConfig& config, const QuoteFacts& q, const RecoveryOptions& options,
                         Timestamp now) {
  RecoveryItem item;
  item.estimate = q.estimate;
  item.contact_key = q.contact_key;
  item.age_days = static_cast<int>(std::chrono::floor<std::chrono::days>(now - q.estimate.sent_at).count());
  if (const ReopenBand* band = BandFor(options, item.age_days)) {
    item.age_band = band->label;
    item.reopen_rate = band->rate;
  }
  if (std::string why = Exclusion(config, q, options, now); !why.empty()) {
    item.reasons.push_back(why);
    return item;
  }
  item.expected_value_cents = static_cast<std::int64_t>(static_cast<double>(q.estimate.total_cents) * item.reopen_rate);
  char rate[16];
  std::snprintf(rate, sizeof rate, "%.0f%%", item.reopen_rate * 100);
  item.reasons.push_back("quote " + (q.estimate.number.empty() ? std::string() : "#" + q.estimate.number + " ") +
                         "for " + Money(q.estimate.total_cents) + " sent " + std::to_string(item.age_days) +
                         " days ago (" + item.age_band + ": " + rate + " reopen) = " +
                         Money(item.expected_value_cents) + " expected");
  item.decision = RecoveryDecision::kFollowUp;
  if (now - q.estimate.sent_at > options.inquiry_exemption) {
    item.decision = RecoveryDecision::kNeedsConsentCheck;
    item.reasons.push_back("past the 3-month inquiry exemption from Do-Not-Call lists: check consent before calling");
  }
  return item;
}

int PlanRank(RecoveryDecision d) {
  return d == RecoveryDecision::kFollowUp ? 0 : d == RecoveryDecision::kNeedsConsentCheck ? 1 : 2;
}

std::vector<ReopenBand> RecoveryOptions::DefaultBands() {
  return {{90, 0.12, "1-3 months"}, {180, 0.08, "3-6 months"}, {365, 0.05, "6-12 months"}, {548, 0.03, "12-18 months"},
          {100000, 0.0, "older"}};
}

std::string_view DecisionName(RecoveryDecision d) {
  switch (d) {
    case RecoveryDecision::kFollowUp: return "follow_up";
    case RecoveryDecision::kNeedsConsentCheck: return "needs_consent_check";
    case RecoveryDecision::kExcluded: return "excluded";
  }
  return "excluded";
}

bool IsWonEstimate(std::string_view status) {
  return HasAny(status, {"approved", "converted", "won", "sold", "accepted", "complete", "invoiced", "job created"});
}

bool IsClosedEstimate(std::string_view status) {
  return HasAny(status, {"declined", "lost", "archived", "rejected", "expired", "dismissed", "not interested"});
}

bool SaysNotInterested(std::string_view status) {
  return HasAny(status, {"not interested", "no longer interested", "went with", "do not contact", "chose another",
                         "hired someone", "hired another"});
}

Status RecoveryPlanner::Place(RecoveryItem& item) {
  if (item.decision == RecoveryDecision::kExcluded) {
    const std::string& why = item.reasons.front();
    ++plan_.excluded_by_reason[why.substr(0, std::min({why.find(" on "), why.find(" ("), why.find(",")}))];
    ++plan_.excluded;
    return Status::Ok();
  }
  AssignRequest request{Category::kOldEstimate, now_, item.estimate.trade, item.estimate.estimator};
  StatusOr<Assignment> a = Assign(config_, request, per_owner_);
  if (!a.ok()) return a.status();
  int day = per_owner_[a->owner] / std::max(1, options_.per_owner_per_day);
  if (day >= options_.horizon_business_days && item.decision == RecoveryDecision::kNeedsConsentCheck) {
    day = std::max(0, options_.horizon_business_days - 1);  // a consent check is kept, at the horizon
  } else if (day >= options_.horizon_business_days) {
    item.decision = RecoveryDecision::kExcluded;
    item.reasons.insert(item.reasons.begin(),
                        "deferred: " + a->owner + "'s follow-ups (" + std::to_string(options_.per_owner_per_day) +
                            " a business day) are full for the next " +
                            std::to_string(options_.horizon_business_days) + " business days; higher values go first");
    ++plan_.excluded_by_reason["deferred"];
    ++plan_.excluded;
    return Status::Ok();
  }
  item.owner = a->owner;
  item.backup_owner = a->backup_owner;
  for (const std::string& r : a->reasons) item.reasons.push_back(r);
  ++per_owner_[item.owner];
  StatusOr<Timestamp> deadline = AddSla(config_, now_, Sla{std::chrono::days(day + 1), true});
  if (!deadline.ok()) return deadline.status();
  item.deadline = *deadline;
  if (item.decision == RecoveryDecision::kFollowUp) {
    plan_.value_by_owner[item.owner] += item.expected_value_cents;
    ++plan_.count_by_band[item.age_band];
    ++plan_.follow_ups;
    plan_.at_stake_cents += item.estimate.total_cents;
    plan_.expected_cents += item.expected_value_cents;
  } else {
    ++plan_.consent_checks;
  }
  return Status::Ok();
}

StatusOr<RecoveryPlan> PlanRecovery(const CompanyConfig& config, const std::vector<QuoteFacts>& quotes,
                                    const RecoveryOptions& options, Timestamp now) {
  std::vector<RecoveryItem> items;
  for (const QuoteFacts& q : quotes) items.push_back(DecideQuote(config, q, options, now));
  std::stable_sort(items.begin(), items.end(), [](const RecoveryItem& a, const RecoveryItem& b) {
    if (PlanRank(a.decision) != PlanRank(b.decision)) return PlanRank(a.decision) < PlanRank(b.decision);
    if (a.expected_value_cents != b.expected_value_cents) return a.expected_value_cents > b.expected_value_cents;
    return a.estimate.number < b.estimate.number;
  });
  RecoveryPlanner planner(config, options, now);
  for (RecoveryItem& item : items)
    if (Status s = planner.Place(item); !s.ok()) return s;
  RecoveryPlan plan = planner.plan();
  plan.items = std::move(items);
  return plan;
}

}  // namespace ringback
