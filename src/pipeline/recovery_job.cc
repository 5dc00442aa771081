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

// Facts about one contact that every one of its quotes shares.
struct ContactFacts {
  std::optional<Timestamp> stopped_at;  // the earliest stop in force
  std::optional<Timestamp> reached_at;  // the latest call that reached them
};

ContactFacts FactsOf(const ContactHistory& h) {
  ContactFacts f;
  for (const Suppression& s : h.stops)
    if (!s.lifted_at && (!f.stopped_at || s.at < *f.stopped_at)) f.stopped_at = s.at;
  for (const Attempt& a : h.attempts)
    if (a.channel == Channel::kCall && a.duration_seconds >= 30 && (!f.reached_at || a.at > *f.reached_at))
      f.reached_at = a.at;
  return f;
}

// The estimate with its trade named the way the queue names trades ("roofing", "hvac").
Estimate WithTrade(Estimate e, const Classifier& classifier) {
  const std::string trade = classifier.Classify(Channel::kForm, e.trade, {}).trade;
  if (!trade.empty()) e.trade = trade;
  return e;
}

// The channels the contact asked, in any of its messages, not to be reached on ("no texts
// please" in a form a year ago): "sms,call".
std::string RefusedChannels(const ContactHistory& h, const CompanyConfig& config) {
  if (h.estimates.empty()) return "";
  DraftRequest r;
  r.category = Category::kOldEstimate;
  r.company = &config;
  for (const Signal& s : h.signals)
    if (!s.text.empty() || !s.subject.empty()) r.signals.push_back({s.channel, s.received_at, s.subject, s.text});
  if (r.signals.empty()) return "";
  std::string out;
  for (DraftChannel c : ReadRequest(r).refused) out += (out.empty() ? "" : ",") + std::string(DraftChannelName(c));
  return out;
}

std::vector<DraftChannel> ParseChannels(std::string_view list) {
  std::vector<DraftChannel> out;
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    if (std::optional<DraftChannel> c = ParseDraftChannel(list.substr(0, comma))) out.push_back(*c);
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return out;
}

// One follow-up per quote, about that quote: its number and what it was for. A text, unless the
// contact refused texts: then the channel they accept (a call script, or an email).
void WriteFollowUp(RecoveryItem& item, const CompanyConfig& config, Timestamp now, bool sanitize,
                   std::string_view refused) {
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
  r.refused = ParseChannels(refused);
  r.landline = IsFixedLine(r.phone);
  const Draft draft = WriteDraft(r);
  item.draft = draft.FullText();
  if (!item.draft.empty()) item.draft_channel = std::string(DraftChannelName(draft.channel));
  if (!r.refused.empty() || item.draft.empty() || draft.channel != DraftChannel::kSms)
    item.reasons.push_back(item.draft.empty() ? "no follow-up draft: " + draft.withheld
                                              : "follow-up by " + item.draft_channel + ": " + draft.channel_why);
}

QuoteFacts FactsFor(const RankedQuote& r, Estimate e) {
  return {std::move(e), r.contact_key, r.stopped_at, r.has_open_opportunity, r.last_reached_at, r.later_estimate};
}

// Pass 1: decides every quote of one contact and puts its rank in the store.
Status RankContactQuotes(Store& store, const ContactHistory& h, const CompanyConfig& config,
                         const Classifier& classifier, const RecoveryOptions& options, Timestamp now,
                         RecoveryRun& run) {
  const ContactFacts facts = FactsOf(h);
  const std::string refused = RefusedChannels(h, config);
  for (std::size_t i = 0; i < h.estimates.size(); ++i) {
    const Estimate& e = h.estimates[i];
    if (IsWonEstimate(e.status)) {
      for (const Attempt& a : h.attempts)
        if (a.at >= e.sent_at + options.min_age) {
          ++run.recovered;
          run.recovered_cents += e.total_cents;
          break;
        }
    }
    RankedQuote r;
    r.estimate_id = e.id;
    r.number = e.number;
    r.contact_key = h.key;
    r.stopped_at = facts.stopped_at;
    r.has_open_opportunity = h.has_open_opportunity;
    r.last_reached_at = facts.reached_at;
    r.later_estimate = i + 1 < h.estimates.size() && h.estimates.back().sent_at > e.sent_at;
    r.refused_channels = refused;
    const RecoveryItem item = DecideQuote(config, FactsFor(r, WithTrade(e, classifier)), options, now);
    r.rank = PlanRank(item.decision);
    r.expected_value_cents = item.expected_value_cents;
    if (Status s = store.PutRankedQuote(r); !s.ok()) return s;
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
                                            Timestamp now, bool sanitize, std::shared_ptr<const Classifier> shared,
                                            const RecoveryItemSink& sink) {
  StatusOr<std::shared_ptr<const Classifier>> classifier =
      shared ? StatusOr<std::shared_ptr<const Classifier>>(std::move(shared)) : Classifier::Create(config);
  if (!classifier.ok()) return classifier.status();
  RecoveryRun run;
  if (Status s = store.ClearRankedQuotes(); !s.ok()) return s;
  HistoryOptions visit;
  visit.estimate_contacts = true;
  visit.open_opportunities = true;
  Status s = store.ForEachContactHistory(visit, [&](ContactHistory& h) {
    return RankContactQuotes(store, h, config, **classifier, options, now, run);
  });
  if (!s.ok()) return s;
  RecoveryPlanner planner(config, options, now);
  s = store.ForEachRankedQuote([&](const RankedQuote& r, const Estimate& e) {
    RecoveryItem item = DecideQuote(config, FactsFor(r, WithTrade(e, **classifier)), options, now);
    if (Status p = planner.Place(item); !p.ok()) return p;
    if (item.decision == RecoveryDecision::kFollowUp) WriteFollowUp(item, config, now, sanitize, r.refused_channels);
    return sink ? sink(item) : Status::Ok();
  });
  if (Status c = store.ClearRankedQuotes(); s.ok()) s = c;
  if (!s.ok()) return s;
  run.plan = planner.plan();
  return run;
}

Status RecoveryCsvWriter::Open(const std::string& path) {
  path_ = path;
  out_.open(path, std::ios::binary | std::ios::trunc);
  if (!out_) return Status::IoError("cannot write " + path);
  out_ << CsvLine({"estimate_number", "contact", "estimator", "trade", "status", "total", "sent_at", "age_days",
                   "age_band", "decision", "reasons", "expected_value", "owner", "backup_owner", "deadline", "draft",
                   "contact_key", "draft_channel"});
  return Status::Ok();
}

Status RecoveryCsvWriter::Write(const RecoveryItem& item) {
  const Estimate& e = item.estimate;
  std::string contact = sanitize_ ? Initials(e.name) : e.name;
  const std::string phone =
      e.phone.empty() ? "" : sanitize_ ? MaskPhone(e.phone) : FormatPhoneForDisplay(e.phone, config_.phone_region);
  if (!phone.empty()) contact += (contact.empty() ? "" : " · ") + phone;
  if (!sanitize_ && !e.email.empty()) contact += (contact.empty() ? "" : " · ") + e.email;
  std::string reasons;
  for (const std::string& r : item.reasons) reasons += (reasons.empty() ? "" : "; ") + (sanitize_ ? ScrubText(r) : r);
  out_ << CsvLine({e.number, contact, e.estimator, e.trade, e.status, MoneyCell(e.total_cents),
                   FormatLocal(e.sent_at, config_.time_zone, "%F"), std::to_string(item.age_days), item.age_band,
                   std::string(DecisionName(item.decision)), reasons, MoneyCell(item.expected_value_cents), item.owner,
                   item.backup_owner, item.deadline ? FormatLocalIso(*item.deadline, config_.time_zone) : "",
                   item.draft, sanitize_ ? "" : item.contact_key, item.draft_channel});
  return out_ ? Status::Ok() : Status::IoError("cannot write " + path_);
}

Status RecoveryCsvWriter::Close() {
  out_.close();
  return out_ ? Status::Ok() : Status::IoError("cannot write " + path_);
}

}  // namespace ringback
