// RebuildQueue: derives the callback queue from the stored facts, one contact at a time.
#include <algorithm>
#include <cctype>

#include "assign/assigner.h"
#include "assign/quiet_hours.h"
#include "classify/classifier.h"
#include "identity/phone.h"
#include "identity/phone_timezone.h"
#include "identity/resolve.h"
#include "identity/sanitize.h"
#include "message/draft.h"
#include "pipeline/audit.h"
#include "pipeline/store_sink.h"

namespace ringback {
namespace {

constexpr Seconds kRepeatCallWindow = std::chrono::minutes(15);
constexpr std::int64_t kReachedCallSeconds = 30;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool IsWonStatus(const std::string& status) {
  return Has(status, "approved") || Has(status, "converted") || Has(status, "won") || Has(status, "sold") ||
         Has(status, "accepted") || Has(status, "complete") || Has(status, "invoiced");
}

bool IsClosedStatus(const std::string& status) {
  return Has(status, "declined") || Has(status, "lost") || Has(status, "archived") || Has(status, "rejected") ||
         Has(status, "expired");
}

// Everything about one contact the queue needs besides its signals.
struct ContactFacts {
  std::vector<Attempt> attempts;
  std::vector<Estimate> estimates;
  std::vector<Timestamp> answered_calls;  // inbound calls answered live: the person was reached
  std::string name;
  std::string phone;
  std::string email;
};

class QueueBuilder {
 public:
  QueueBuilder(Store& store, const CompanyConfig& config, const AuditOptions& options,
               std::shared_ptr<const Classifier> classifier, Timestamp as_of)
      : store_(store), config_(config), options_(options), classifier_(std::move(classifier)), as_of_(as_of) {}

  Status Contact(const std::string& key, std::vector<Signal>& signals) {
    ContactFacts facts;
    if (Status s = LoadFacts(key, signals, facts); !s.ok()) return s;
    std::vector<ClassifiedSignal> inbound;
    for (const Signal& signal : signals) {
      if (signal.channel == Channel::kCall && signal.answered) continue;
      inbound.push_back(Classify(signal, signals, facts));
      if (inbound.back().category == Category::kStop)
        if (Status s = RecordStop(signal); !s.ok()) return s;
    }
    if (inbound.empty()) return Status::Ok();
    StatusOr<std::vector<Suppression>> stops = store_.StopsFor(key);
    if (!stops.ok()) return stops.status();
    ResolveOptions resolve;
    resolve.duplicate_window = std::chrono::days(config_.duplicate_window_days);
    resolve.time_zone = config_.time_zone;
    for (const Suppression& stop : *stops)
      if (!stop.lifted_at && (!resolve.stopped_at || stop.at < *resolve.stopped_at)) resolve.stopped_at = stop.at;
    stop_in_force_ = resolve.stopped_at.has_value();
    for (ClassifiedSignal& cs : inbound) ApplyLift(cs, *stops);
    for (Opportunity& row : ResolveContact(key, inbound, resolve)) {
      if (Status s = Finish(row, facts); !s.ok()) return s;
      if (Status s = store_.PutOpportunity(row); !s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  Status LoadFacts(const std::string& key, const std::vector<Signal>& signals, ContactFacts& facts) {
    StatusOr<std::vector<Attempt>> attempts = store_.AttemptsFor(key);
    if (!attempts.ok()) return attempts.status();
    facts.attempts = std::move(attempts).value();
    StatusOr<std::vector<Estimate>> estimates = store_.EstimatesFor(key);
    if (!estimates.ok()) return estimates.status();
    facts.estimates = std::move(estimates).value();
    for (const Signal& s : signals) {
      if (s.channel == Channel::kCall && s.answered) facts.answered_calls.push_back(s.received_at);
      if (facts.name.empty() && !GreetingName(s.name).empty()) facts.name = s.name;
      if (facts.phone.empty()) facts.phone = s.phone;
      if (facts.email.empty()) facts.email = s.email;
    }
    for (const Estimate& e : facts.estimates) {
      if (facts.name.empty() && !GreetingName(e.name).empty()) facts.name = e.name;
      if (facts.phone.empty()) facts.phone = e.phone;
      if (facts.email.empty()) facts.email = e.email;
    }
    if (facts.name.empty())
      for (const Signal& s : signals)
        if (!s.name.empty()) facts.name = s.name;
    return Status::Ok();
  }

  ClassifiedSignal Classify(const Signal& signal, const std::vector<Signal>& all, const ContactFacts& facts) const {
    ClassifyContext ctx;
    ctx.answered = signal.answered;
    ctx.received_at = signal.received_at;
    ctx.duration_seconds = signal.duration_seconds;
    ctx.has_contact_handle = !signal.phone.empty() || !signal.email.empty();
    ctx.on_spam_list = !signal.phone.empty() && std::find(config_.spam_numbers.begin(), config_.spam_numbers.end(),
                                                          signal.phone) != config_.spam_numbers.end();
    if (signal.channel == Channel::kCall)
      for (const Signal& other : all)
        if (&other != &signal && other.channel == Channel::kCall && other.received_at <= signal.received_at &&
            signal.received_at - other.received_at <= kRepeatCallWindow)
          ++ctx.calls_within_minutes;
    for (const Estimate& e : facts.estimates) {
      if (e.sent_at > signal.received_at) continue;
      const std::string status = Lower(e.status);
      if (IsWonStatus(status)) ctx.has_past_job = true;
      else if (!IsClosedStatus(status))
        ctx.estimate_age_days = static_cast<int>(
            std::chrono::floor<std::chrono::days>(signal.received_at - e.sent_at).count());
    }
    std::string text = signal.subject.empty() ? signal.text : signal.subject + "\n" + signal.text;
    Classification c = classifier_->Classify(signal.channel, text, ctx);
    ClassifiedSignal out{signal, c.category, c.confidence, c.reasons, c.trade};
    if (signal.phone.empty() && signal.email.empty() && !signal.phone_raw.empty())
      out.reasons.push_back("phone \"" + signal.phone_raw + "\" is not a valid number: kept as written, check it");
    if (out.trade.empty()) out.trade = signal.trade;
    return out;
  }

  // A callback is not due while it may not be made: the deadline moves out of quiet hours in
  // the person's own zone (an emergency they reported is answered at once, day or night).
  void KeepOutOfQuietHours(Opportunity& row, const ContactFacts& facts) const {
    if (!row.deadline || facts.phone.empty()) return;
    const PhoneZone zone = ZoneForPhone(facts.phone, config_.time_zone);
    const Timestamp due = SendAfter(config_, *row.deadline, zone, row.category == Category::kEmergency);
    if (due == *row.deadline) return;
    row.reasons.push_back("deadline moved out of quiet hours to " + FormatLocal(due, zone.zone, "%a %m/%d %I:%M %p %Z") +
                          " (" + CallingWindowFor(config_, zone.state).source + ", " + zone.reason + ")");
    row.deadline = due;
  }

  // A stop that a person lifted (with a recorded reason) no longer speaks for the contact:
  // its words stay in the reasons, but it no longer makes the opportunity a stop.
  void ApplyLift(ClassifiedSignal& cs, const std::vector<Suppression>& stops) const {
    if (cs.category != Category::kStop) return;
    const Suppression* lifted = nullptr;
    for (const Suppression& s : stops) {
      if (s.signal_id != cs.signal.id) continue;
      if (!s.lifted_at) return;
      lifted = &s;
    }
    if (!lifted) return;
    cs.category = Category::kUnknown;
    cs.reasons.push_back("stop lifted on " + FormatLocal(*lifted->lifted_at, config_.time_zone, "%F") + " by " +
                         lifted->lifted_by + ": " + lifted->lift_reason);
  }

  Status RecordStop(const Signal& signal) {
    for (const std::string& handle : HandlesOf(signal)) {
      Suppression stop{handle, signal.received_at, signal.channel, signal.text.empty() ? signal.subject : signal.text,
                       signal.id};
      if (Status s = store_.PutSuppression(stop); !s.ok()) return s;
    }
    return Status::Ok();
  }

  std::string Display(const ContactFacts& facts) const {
    std::string phone = facts.phone.empty() ? std::string() : FormatPhoneForDisplay(facts.phone, config_.phone_region);
    if (options_.sanitize) {
      std::string out = Initials(GreetingName(facts.name).empty() ? std::string() : facts.name);
      if (!facts.phone.empty()) out += (out.empty() ? "" : " ") + MaskPhone(facts.phone);
      return out.empty() ? "(contact)" : out;
    }
    std::string out = facts.name;
    for (const std::string& part : {phone, facts.email})
      if (!part.empty()) out += (out.empty() ? "" : " · ") + part;
    return out;
  }

  // Attempts and live answers after the request decide its status.
  void MeasureAttempts(Opportunity& row, const ContactFacts& facts) const {
    bool reached = false;
    for (const Attempt& a : facts.attempts) {
      if (a.at < row.received_at || a.at > as_of_) continue;
      if (!row.first_attempt_at || a.at < *row.first_attempt_at) row.first_attempt_at = a.at;
      if (a.channel == Channel::kCall && a.duration_seconds >= kReachedCallSeconds) reached = true;
    }
    for (Timestamp t : facts.answered_calls) {
      if (t < row.received_at || t > as_of_) continue;
      if (!row.first_attempt_at || t < *row.first_attempt_at) row.first_attempt_at = t;
      reached = true;
    }
    if (reached) row.status = OpportunityStatus::kReached;
    else if (row.first_attempt_at) row.status = OpportunityStatus::kAttempted;
    else if (row.deadline && *row.deadline < as_of_) row.status = OpportunityStatus::kOverdue;
    else row.status = OpportunityStatus::kOpen;
  }

  // Outbound calls after the request, read from the exports: 30 s or more reached the person.
  Status RecordInferredOutcomes(const Opportunity& row, const ContactFacts& facts) {
    for (const Attempt& a : facts.attempts) {
      if (a.at < row.received_at || a.at > as_of_ || a.channel != Channel::kCall) continue;
      const bool reached = a.duration_seconds >= kReachedCallSeconds;
      Outcome o{row.id, a.at, reached ? OutcomeKind::kReached : OutcomeKind::kNotReached, a.actor,
                "outbound call of " + std::to_string(std::max<std::int64_t>(a.duration_seconds, 0)) + " s in " +
                    a.source.file + ":" + std::to_string(a.source.line),
                true};
      if (Status s = store_.PutOutcome(o); !s.ok()) return s;
    }
    return Status::Ok();
  }

  // What a person recorded (`ringback outcome`) outranks what the exports suggest.
  Status ApplyOutcomes(Opportunity& row) {
    StatusOr<std::vector<Outcome>> outcomes = store_.OutcomesFor(row.id);
    if (!outcomes.ok()) return outcomes.status();
    const Outcome* last = nullptr;
    for (const Outcome& o : *outcomes) {
      if (o.inferred || o.at > as_of_) continue;
      if (!row.first_attempt_at || o.at < *row.first_attempt_at) row.first_attempt_at = o.at;
      last = &o;
    }
    if (!last) return Status::Ok();
    switch (last->kind) {
      case OutcomeKind::kReached:
      case OutcomeKind::kBooked: row.status = OpportunityStatus::kReached; break;
      case OutcomeKind::kNotReached: row.status = OpportunityStatus::kAttempted; break;
      case OutcomeKind::kNotAFit:
      case OutcomeKind::kDuplicate: row.status = OpportunityStatus::kClosed; break;
      case OutcomeKind::kStopped:
      case OutcomeKind::kDoNotContact: row.status = OpportunityStatus::kDoNotContact; break;
    }
    row.reasons.push_back("outcome " + std::string(OutcomeName(last->kind)) + " recorded by " + last->actor +
                          (last->note.empty() ? "" : ": " + last->note));
    return Status::Ok();
  }

  // A deadline that passed with no attempt moves the work to the backup, then to the company
  // owner; each move is a timeline event and the holder's fresh deadline becomes the deadline.
  Status Escalate(Opportunity& row, const Assignment& assignment) {
    const std::vector<EscalationStep> steps =
        Escalations(config_, row.category, assignment, row.first_attempt_at, as_of_);
    for (const EscalationStep& step : steps) {
      const std::string detail = "no attempt by " + FormatLocal(step.at, config_.time_zone, "%a %m/%d %I:%M %p") +
                                 "; moved from " + step.from + " to " + step.to;
      if (Status s = store_.PutEvent({row.id, step.at, "escalated", "ringback", detail}); !s.ok()) return s;
      row.reasons.push_back("escalated: " + detail);
      if (row.backup_owner == step.to) row.backup_owner = step.from;
      row.owner = step.to;
      if (step.new_deadline) row.deadline = step.new_deadline;
      ++row.escalations;
    }
    if (!steps.empty() && !row.first_attempt_at)
      row.status = row.deadline && *row.deadline < as_of_ ? OpportunityStatus::kOverdue : OpportunityStatus::kOpen;
    return Status::Ok();
  }

  std::string EstimateTrade(const ContactFacts& facts) const {
    for (auto it = facts.estimates.rbegin(); it != facts.estimates.rend(); ++it) {
      std::string trade = classifier_->Classify(Channel::kForm, it->trade, {}).trade;
      if (!trade.empty()) return trade;
    }
    return "";
  }

  // The latest reassign and reclassify a person recorded, by field.
  Status LatestOverrides(const std::string& id, std::optional<Override>& owner, std::optional<Override>& category) {
    StatusOr<std::vector<Override>> changes = store_.OverridesFor(id);
    if (!changes.ok()) return changes.status();
    for (const Override& c : *changes) {
      if (c.at > as_of_) continue;
      if (c.field == "owner") owner = c;
      // Reclassifying as stop recorded a stop (Reclassify): once it is lifted, it holds no more.
      // While a stop is in force no other reclassification counts: none may reopen anything (a
      // spam row of a stopped contact is closed, not do-not-contact); only lifting the stop does.
      else if (c.field == "category" && stop_in_force_ == (c.value == CategoryName(Category::kStop))) category = c;
    }
    return Status::Ok();
  }

  Status Finish(Opportunity& row, const ContactFacts& facts) {
    std::optional<Override> owner_change, category_change;
    if (Status s = LatestOverrides(row.id, owner_change, category_change); !s.ok()) return s;
    // A person's reclassification outranks the classifier, except over a stop in force: only
    // lifting the stop (admin, with a reason) makes a stopped contact callable again.
    if (category_change && row.status != OpportunityStatus::kDoNotContact) {
      if (std::optional<Category> c = ParseCategory(category_change->value)) {
        row.category = *c;
        row.confidence = 1.0;
        row.reasons.push_back("reclassified as " + category_change->value + " by " + category_change->actor + ": " +
                              category_change->reason);
        if (row.category == Category::kSpam || row.category == Category::kDuplicate) {
          row.status = OpportunityStatus::kClosed;
        } else if (row.category == Category::kStop) {
          row.status = OpportunityStatus::kDoNotContact;
        } else if (row.status == OpportunityStatus::kClosed && row.duplicate_of.empty()) {
          row.status = OpportunityStatus::kOpen;
        }
      }
    }
    return FinishAssigned(row, facts, owner_change);
  }

  Status FinishAssigned(Opportunity& row, const ContactFacts& facts, const std::optional<Override>& owner_change) {
    row.contact_display = Display(facts);
    if (options_.sanitize) {
      row.summary = ScrubName(ScrubText(row.summary), facts.name);
      for (std::string& r : row.reasons) r = ScrubName(ScrubText(r), facts.name);
    }
    const bool primary = row.duplicate_of.empty();
    if (!primary || !IsReal(row.category) || row.status == OpportunityStatus::kDoNotContact) return Status::Ok();
    if (row.trade.empty()) row.trade = EstimateTrade(facts);
    AssignRequest request{row.category, row.received_at, row.trade, ""};
    if (!facts.estimates.empty()) request.estimate_author = facts.estimates.back().estimator;
    StatusOr<Assignment> assignment = Assign(config_, request, open_work_);
    if (!assignment.ok()) return assignment.status();
    row.owner = assignment->owner;
    row.backup_owner = assignment->backup_owner;
    row.next_action = assignment->next_action;
    row.deadline = assignment->deadline;
    for (const std::string& r : assignment->reasons) row.reasons.push_back(r);
    KeepOutOfQuietHours(row, facts);
    assignment->deadline = *row.deadline;  // escalation starts from the deadline the caller can be called by
    MeasureAttempts(row, facts);
    if (Status s = RecordInferredOutcomes(row, facts); !s.ok()) return s;
    if (Status s = ApplyOutcomes(row); !s.ok()) return s;
    if (Status s = Escalate(row, *assignment); !s.ok()) return s;
    KeepOutOfQuietHours(row, facts);  // the backup's fresh deadline too
    // A person's reassign, before the draft is written: the draft names who calls back.
    if (owner_change && row.status != OpportunityStatus::kDoNotContact && row.owner != owner_change->value) {
      if (row.backup_owner == owner_change->value) row.backup_owner = row.owner;
      row.reasons.push_back("reassigned from " + row.owner + " to " + owner_change->value + " by " +
                            owner_change->actor + ": " + owner_change->reason);
      row.owner = owner_change->value;
    }
    if (row.status == OpportunityStatus::kDoNotContact) {
      row.owner.clear();
      row.backup_owner.clear();
      row.next_action.clear();
    } else if (row.status != OpportunityStatus::kReached && row.status != OpportunityStatus::kClosed) {
      ++open_work_[row.owner];
      row.draft = DraftCallback({row.category, false, options_.sanitize ? "" : facts.name, row.owner,
                                 config_.name, row.summary});
    }
    return Status::Ok();
  }

  Store& store_;
  const CompanyConfig& config_;
  const AuditOptions& options_;
  std::shared_ptr<const Classifier> classifier_;
  Timestamp as_of_;
  std::map<std::string, int> open_work_;
  bool stop_in_force_ = false;  // the contact being built has a stop not lifted
};

}  // namespace

Status RebuildQueue(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result) {
  StatusOr<std::shared_ptr<const Classifier>> classifier = Classifier::Create(config);
  if (!classifier.ok()) return classifier.status();
  return RebuildQueue(store, config, options, result, *classifier);
}

Status RebuildQueue(Store& store, const CompanyConfig& config, const AuditOptions& options, AuditResult& result,
                    std::shared_ptr<const Classifier> classifier) {
  QueueBuilder builder(store, config, options, std::move(classifier), result.as_of);
  if (Status s = store.Begin(); !s.ok()) return s;
  Status s = store.ClearOpportunities();
  if (s.ok())
    s = store.ForEachContact([&](const std::string& key, std::vector<Signal>& signals) {
      return builder.Contact(key, signals);
    });
  if (!s.ok()) {
    (void)store.Rollback();
    return s;
  }
  return store.Commit();
}

}  // namespace ringback
