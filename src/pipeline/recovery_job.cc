#include "pipeline/recovery_job.h"

#include <cctype>
#include <cstdio>
#include <fstream>

#include "classify/classifier.h"
#include "identity/phone.h"
#include "identity/sanitize.h"
#include "message/draft.h"
#include "review/csv_writer.h"

namespace ringback {
namespace {

// One contact's quotes, with the facts that decide them.
Status AddContactQuotes(Store& store, const std::string& key, std::vector<Estimate>& estimates,
                        const Classifier& classifier, const RecoveryOptions& options, std::vector<QuoteFacts>& quotes,
                        RecoveryRun& run) {
  if (estimates.empty()) return Status::Ok();
  std::optional<Timestamp> stopped_at, reached_at;
  std::vector<Attempt> attempts;
  bool open = false;
  if (!key.empty()) {
    StatusOr<std::optional<Suppression>> stop = store.StopFor(key);
    if (!stop.ok()) return stop.status();
    if (*stop) stopped_at = (*stop)->at;
    StatusOr<bool> has_open = store.HasOpenOpportunity(key);
    if (!has_open.ok()) return has_open.status();
    open = *has_open;
    StatusOr<std::vector<Attempt>> found = store.AttemptsFor(key);
    if (!found.ok()) return found.status();
    attempts = std::move(found).value();
    for (const Attempt& a : attempts)
      if (a.channel == Channel::kCall && a.duration_seconds >= 30 && (!reached_at || a.at > *reached_at)) reached_at = a.at;
  }
  for (std::size_t i = 0; i < estimates.size(); ++i) {
    Estimate e = estimates[i];
    const std::string trade = classifier.Classify(Channel::kForm, e.trade, {}).trade;
    if (!trade.empty()) e.trade = trade;
    if (IsWonEstimate(e.status)) {
      for (const Attempt& a : attempts)
        if (a.at >= e.sent_at + options.min_age) {
          ++run.recovered;
          run.recovered_cents += e.total_cents;
          break;
        }
    }
    const bool later = i + 1 < estimates.size() && estimates.back().sent_at > e.sent_at;
    quotes.push_back({e, key, stopped_at, open, reached_at, later});
  }
  return Status::Ok();
}

std::string MoneyCell(std::int64_t cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
  return buf;
}

}  // namespace

RecoveryOptions RecoveryOptionsFor(const CompanyConfig& config, RecoveryOptions base) {
  if (config.reopen_rates.empty()) return base;
  base.bands.clear();
  int previous = 0;
  for (const auto& [days, rate] : config.reopen_rates) {
    base.bands.push_back({days, rate, std::to_string(previous + 1) + "–" + std::to_string(days) + " days"});
    previous = days;
  }
  base.bands.push_back({100000, 0.0, "over " + std::to_string(previous) + " days"});
  return base;
}

StatusOr<Seconds> ParseAge(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 6) return Status::InvalidArgument("expected an age like 30d, 6w, 18mo or 1y: \"" + std::string(text) + "\"");
  const long n = std::stol(std::string(text.substr(0, digits)));
  const std::string_view unit = text.substr(digits);
  if (unit == "d") return Seconds(std::chrono::days(n));
  if (unit == "w") return Seconds(std::chrono::weeks(n));
  if (unit == "mo") return Seconds(std::chrono::days(n * 30 + n / 2));  // 30.5 days a month
  if (unit == "y") return Seconds(std::chrono::days(n * 365));
  return Status::InvalidArgument("expected an age like 30d, 6w, 18mo or 1y: \"" + std::string(text) + "\"");
}

StatusOr<RecoveryRun> PlanRecoveryFromStore(Store& store, const CompanyConfig& config, const RecoveryOptions& options,
                                            Timestamp now, bool sanitize,
                                            std::shared_ptr<const Classifier> shared) {
  StatusOr<std::shared_ptr<const Classifier>> classifier =
      shared ? StatusOr<std::shared_ptr<const Classifier>>(std::move(shared)) : Classifier::Create(config);
  if (!classifier.ok()) return classifier.status();
  RecoveryRun run;
  std::vector<QuoteFacts> quotes;
  std::string current;
  std::vector<Estimate> group;
  Status s = store.ForEachEstimate([&](const std::string& key, const Estimate& e) {
    if (key != current || key.empty()) {
      if (Status g = AddContactQuotes(store, current, group, **classifier, options, quotes, run); !g.ok()) return g;
      group.clear();
      current = key;
    }
    group.push_back(e);
    return Status::Ok();
  });
  if (s.ok()) s = AddContactQuotes(store, current, group, **classifier, options, quotes, run);
  if (!s.ok()) return s;
  StatusOr<RecoveryPlan> plan = PlanRecovery(config, quotes, options, now);
  if (!plan.ok()) return plan.status();
  run.plan = std::move(plan).value();
  for (RecoveryItem& item : run.plan.items) {
    if (item.decision != RecoveryDecision::kFollowUp) continue;
    // One follow-up text per quote, about that quote: its number and what it was for.
    DraftRequest r;
    r.category = Category::kOldEstimate;
    r.contact_name = sanitize ? "" : item.estimate.name;
    r.phone = item.estimate.phone;
    r.email = item.estimate.email;
    r.estimates = {{item.estimate.number, item.estimate.trade, item.estimate.status, item.estimate.sent_at}};
    r.agent_name = item.owner;
    r.company = &config;
    r.as_of = now;
    r.channel = DraftChannel::kSms;
    item.draft = WriteDraft(r).text;
  }
  return run;
}

Status WriteRecoveryCsv(const RecoveryRun& run, const CompanyConfig& config, const std::string& path, bool sanitize) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot write " + path);
  out << CsvLine({"estimate_number", "contact", "estimator", "trade", "status", "total", "sent_at", "age_days",
                  "age_band", "decision", "reasons", "expected_value", "owner", "backup_owner", "deadline", "draft",
                  "contact_key"});
  for (const RecoveryItem& item : run.plan.items) {
    const Estimate& e = item.estimate;
    std::string contact = sanitize ? Initials(e.name) : e.name;
    const std::string phone = e.phone.empty() ? "" : sanitize ? MaskPhone(e.phone) : FormatPhoneForDisplay(e.phone, config.phone_region);
    if (!phone.empty()) contact += (contact.empty() ? "" : " · ") + phone;
    if (!sanitize && !e.email.empty()) contact += (contact.empty() ? "" : " · ") + e.email;
    std::string reasons;
    for (const std::string& r : item.reasons) reasons += (reasons.empty() ? "" : "; ") + (sanitize ? ScrubText(r) : r);
    out << CsvLine({e.number, contact, e.estimator, e.trade, e.status, MoneyCell(e.total_cents),
                    FormatLocal(e.sent_at, config.time_zone, "%F"), std::to_string(item.age_days), item.age_band,
                    std::string(DecisionName(item.decision)), reasons, MoneyCell(item.expected_value_cents), item.owner,
                    item.backup_owner, item.deadline ? FormatLocalIso(*item.deadline, config.time_zone) : "", item.draft,
                    sanitize ? "" : item.contact_key});
  }
  if (!out.flush()) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

}  // namespace ringback
