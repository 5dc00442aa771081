#include "queue/contact_queue.h"

#include <algorithm>

#include "assign/assigner.h"
#include "assign/quiet_hours.h"
#include "core/text.h"
#include "identity/phone.h"
#include "identity/phone_timezone.h"
#include "identity/sanitize.h"
#include "message/draft.h"

namespace ringback {
namespace {

constexpr Seconds kRepeatCallWindow = std::chrono::minutes(15);
constexpr std::int64_t kReachedCallSeconds = 30;

bool IsWonStatus(std::string_view status) {
  return ContainsAny(status, {"approved", "converted", "won", "sold", "accepted", "complete", "invoiced"});
}

bool IsClosedStatus(std::string_view status) {
  return ContainsAny(status, {"declined", "lost", "archived", "rejected", "expired"});
}

// Who the contact is, as the queue shows them: the first name worth greeting, phone, email.
struct Who {
  std::string name;
  std::string phone;
  std::string email;
};

Who WhoIs(const ContactHistory& h) {
  Who p;
  for (const Signal& s : h.signals) {
    if (p.name.empty() && !GreetingName(s.name).empty()) p.name = s.name;
    if (p.phone.empty()) p.phone = s.phone;
    if (p.email.empty()) p.email = s.email;
  }
  for (const Estimate& e : h.estimates) {
    if (p.name.empty() && !GreetingName(e.name).empty()) p.name = e.name;
    if (p.phone.empty()) p.phone = e.phone;
    if (p.email.empty()) p.email = e.email;
  }
  if (p.name.empty())
    for (const Signal& s : h.signals)
      if (!s.name.empty()) p.name = s.name;
  return p;
}

// The contact as the queue shows it: name, phone and email; initials and a masked phone when
// sanitized.
std::string Display(const Who& who, const QueueContext& q) {
  if (q.sanitize) {
    std::string out = Initials(GreetingName(who.name).empty() ? std::string() : who.name);
    if (!who.phone.empty()) out += (out.empty() ? "" : " ") + MaskPhone(who.phone);
    return out.empty() ? "(contact)" : out;
  }
  const std::string phone =
      who.phone.empty() ? std::string() : FormatPhoneForDisplay(who.phone, q.config->phone_region);
  std::string out = who.name;
  for (const std::string& part : {phone, who.email})
    if (!part.empty()) out += (out.empty() ? "" : " · ") + part;
  return out;
}

ClassifyContext ContextFor(const Signal& signal, const ContactHistory& h, const CompanyConfig& config) {
  ClassifyContext ctx;
  ctx.answered = signal.answered;
  ctx.duration_seconds = signal.duration_seconds;
  ctx.has_contact_handle = !signal.phone.empty() || !signal.email.empty();
  ctx.bulk = signal.bulk;
  ctx.received_at = signal.received_at;
  ctx.on_spam_list = !signal.phone.empty() &&
                     std::find(config.spam_numbers.begin(), config.spam_numbers.end(), signal.phone) !=
                         config.spam_numbers.end();
  if (signal.channel == Channel::kCall)
    for (const Signal& other : h.signals)
      if (&other != &signal && other.channel == Channel::kCall && other.received_at <= signal.received_at &&
          signal.received_at - other.received_at <= kRepeatCallWindow)
        ++ctx.calls_within_minutes;
  for (const Estimate& e : h.estimates) {
    if (e.sent_at > signal.received_at) continue;
    const std::string status = Lower(e.status);
    if (IsWonStatus(status)) ctx.has_past_job = true;
    else if (!IsClosedStatus(status))
      ctx.estimate_age_days =
          static_cast<int>(std::chrono::floor<std::chrono::days>(signal.received_at - e.sent_at).count());
  }
  return ctx;
}

ClassifiedSignal ClassifyOne(const Signal& signal, const ContactHistory& h, const QueueContext& q) {
  const std::string text = signal.subject.empty() ? signal.text : signal.subject + "\n" + signal.text;
  Classification c = q.classifier->Classify(signal.channel, text, ContextFor(signal, h, *q.config));
  ClassifiedSignal out{signal, c.category, c.confidence, std::move(c.reasons), std::move(c.trade)};
  if (signal.phone.empty() && signal.email.empty() && !signal.phone_raw.empty())
    out.reasons.push_back("phone " + QuoteValue(signal.phone_raw) + " is not a valid number: kept as written, check it");
  if (out.trade.empty()) out.trade = signal.trade;
  return out;
}

// Builds one contact's rows. One object per contact: it holds that contact's state only.
class ContactBuilder {
 public:
  ContactBuilder(const ContactHistory& h, const PreparedContact& p, const QueueContext& q, OpenWork& load)
      : h_(h), p_(p), q_(q), config_(*q.config), load_(load), person_(WhoIs(h)) {}

  StatusOr<ContactQueue> Build(std::vector<ClassifiedSignal> inbound) {
    if (inbound.empty()) return std::move(out_);
    for (const ClassifiedSignal& cs : inbound)
      if (cs.category == Category::kStop) RecordStop(cs.signal);
    MergeStops();
    ResolveOptions resolve;
    resolve.duplicate_window = std::chrono::days(config_.duplicate_window_days);
    resolve.time_zone = config_.time_zone;
    for (const Suppression* stop : stops_)
      if (!stop->lifted_at && (!resolve.stopped_at || stop->at < *resolve.stopped_at)) resolve.stopped_at = stop->at;
    stop_in_force_ = resolve.stopped_at.has_value();
    for (ClassifiedSignal& cs : inbound) ApplyLift(cs);
    for (Opportunity& row : ResolveContact(h_.key, inbound, resolve)) {
      if (Status s = Finish(row); !s.ok()) return s;
      out_.rows.push_back(std::move(row));
    }
    return std::move(out_);
  }

 private:
  // A stop said in a signal holds for each of its handles. One already stored (perhaps lifted
  // since) is kept as stored; a new one is returned for the caller to store.
  void RecordStop(const Signal& signal) {
    for (const std::string& handle : HandlesOf(signal)) {
      const bool stored = std::any_of(h_.stops.begin(), h_.stops.end(), [&](const Suppression& s) {
        return s.handle == handle && s.signal_id == signal.id;
      });
      if (stored) continue;
      out_.new_stops.push_back({handle, signal.received_at, signal.channel,
                                signal.text.empty() ? signal.subject : signal.text, signal.id});
    }
  }

  // Every stop of the contact, stored and new, oldest first (as the store orders them).
  void MergeStops() {
    stops_.clear();
    for (const Suppression& s : h_.stops) stops_.push_back(&s);
    for (const Suppression& s : out_.new_stops) stops_.push_back(&s);
    std::stable_sort(stops_.begin(), stops_.end(), [](const Suppression* a, const Suppression* b) {
      if (a->at != b->at) return a->at < b->at;
      if (a->signal_id != b->signal_id) return a->signal_id < b->signal_id;
      return a->handle < b->handle;
    });
  }

  // A stop that a person lifted (with a recorded reason) no longer speaks for the contact:
  // its words stay in the reasons, but it no longer makes the opportunity a stop.
  void ApplyLift(ClassifiedSignal& cs) const {
    if (cs.category != Category::kStop) return;
    const Suppression* lifted = nullptr;
    for (const Suppression* s : stops_) {
      if (s->signal_id != cs.signal.id) continue;
      if (!s->lifted_at) return;
      lifted = s;
    }
    if (!lifted) return;
    cs.category = Category::kUnknown;
    cs.reasons.push_back("stop lifted on " + FormatLocal(*lifted->lifted_at, config_.time_zone, "%F") + " by " +
                         lifted->lifted_by + ": " + lifted->lift_reason);
  }

  // A callback is not due while it may not be made: the deadline moves out of quiet hours in
  // the person's own zone (an emergency they reported is answered at once, day or night).
  void KeepOutOfQuietHours(Opportunity& row) const {
    if (!row.deadline || !p_.zone) return;
    const PhoneZone& zone = *p_.zone;
    const Timestamp due = SendAfter(config_, *row.deadline, zone, row.category == Category::kEmergency);
    if (due == *row.deadline) return;
    row.reasons.push_back("deadline moved out of quiet hours to " +
                          FormatLocal(due, zone.zone, "%a %m/%d %I:%M %p %Z") + " (" +
                          CallingWindowFor(config_, zone.state).source + ", " + zone.reason + ")");
    row.deadline = due;
  }

  // Answered calls after the request, as far as "now": the person was reached.
  std::vector<Timestamp> AnsweredCalls() const {
    std::vector<Timestamp> out;
    for (const Signal& s : h_.signals)
      if (s.channel == Channel::kCall && s.answered) out.push_back(s.received_at);
    return out;
  }

  // Attempts and live answers after the request decide its status.
  void MeasureAttempts(Opportunity& row) const {
    bool reached = false;
    for (const Attempt& a : h_.attempts) {
      if (a.at < row.received_at || a.at > q_.now) continue;
      if (!row.first_attempt_at || a.at < *row.first_attempt_at) row.first_attempt_at = a.at;
      if (a.channel == Channel::kCall && a.duration_seconds >= kReachedCallSeconds) reached = true;
    }
    for (Timestamp t : AnsweredCalls()) {
      if (t < row.received_at || t > q_.now) continue;
      if (!row.first_attempt_at || t < *row.first_attempt_at) row.first_attempt_at = t;
      reached = true;
    }
    if (reached) row.status = OpportunityStatus::kReached;
    else if (row.first_attempt_at) row.status = OpportunityStatus::kAttempted;
    else if (row.deadline && *row.deadline < q_.now) row.status = OpportunityStatus::kOverdue;
    else row.status = OpportunityStatus::kOpen;
  }

  // Outbound calls after the request, read from the exports: 30 s or more reached the person.
  void InferOutcomes(const Opportunity& row) {
    for (const Attempt& a : h_.attempts) {
      if (a.at < row.received_at || a.at > q_.now || a.channel != Channel::kCall) continue;
      const bool reached = a.duration_seconds >= kReachedCallSeconds;
      out_.inferred_outcomes.push_back(
          {row.id, a.at, reached ? OutcomeKind::kReached : OutcomeKind::kNotReached, a.actor,
           "outbound call of " + std::to_string(std::max<std::int64_t>(a.duration_seconds, 0)) + " s in " +
               a.source.file + ":" + std::to_string(a.source.line),
           true});
    }
  }

  // What a person recorded (`ringback outcome`) outranks what the exports suggest.
  void ApplyOutcomes(Opportunity& row) const {
    const Outcome* last = nullptr;
    for (const Outcome& o : h_.outcomes) {
      if (o.opportunity_id != row.id || o.inferred || o.at > q_.now) continue;
      if (!row.first_attempt_at || o.at < *row.first_attempt_at) row.first_attempt_at = o.at;
      last = &o;
    }
    if (!last) return;
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
  }

  // A deadline that passed with no attempt moves the work to the backup, then to the company
  // owner; each move is a timeline event and the holder's fresh deadline becomes the deadline.
  void Escalate(Opportunity& row, const Assignment& assignment) {
    const std::vector<EscalationStep> steps =
        Escalations(config_, row.category, assignment, row.first_attempt_at, q_.now);
    for (const EscalationStep& step : steps) {
      const std::string detail = "no attempt by " + FormatLocal(step.at, config_.time_zone, "%a %m/%d %I:%M %p") +
                                 "; moved from " + step.from + " to " + step.to;
      out_.events.push_back({row.id, step.at, "escalated", "ringback", detail});
      row.reasons.push_back("escalated: " + detail);
      if (row.backup_owner == step.to) row.backup_owner = step.from;
      row.owner = step.to;
      if (step.new_deadline) row.deadline = step.new_deadline;
      ++row.escalations;
    }
    if (!steps.empty() && !row.first_attempt_at)
      row.status = row.deadline && *row.deadline < q_.now ? OpportunityStatus::kOverdue : OpportunityStatus::kOpen;
  }

  std::string EstimateTrade() const {
    for (auto it = h_.estimates.rbegin(); it != h_.estimates.rend(); ++it) {
      std::string trade = q_.classifier->Classify(Channel::kForm, it->trade, {}).trade;
      if (!trade.empty()) return trade;
    }
    return "";
  }

  // The latest reassign and reclassify a person recorded, by field.
  void LatestOverrides(const std::string& id, std::optional<Override>& owner,
                       std::optional<Override>& category) const {
    for (const Override& c : h_.overrides) {
      if (c.opportunity_id != id || c.at > q_.now) continue;
      if (c.field == "owner") owner = c;
      // Reclassifying as stop recorded a stop (Reclassify): once it is lifted, it holds no more.
      // While a stop is in force no other reclassification counts: none may reopen anything (a
      // spam row of a stopped contact is closed, not do-not-contact); only lifting the stop does.
      else if (c.field == "category" && stop_in_force_ == (c.value == CategoryName(Category::kStop)))
        category = c;
    }
  }

  Status Finish(Opportunity& row) {
    std::optional<Override> owner_change, category_change;
    LatestOverrides(row.id, owner_change, category_change);
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
    return FinishAssigned(row, owner_change);
  }

  // What the draft is written from: the opportunity's own signals and what is known of the contact.
  DraftRequest DraftRequestFor(const Opportunity& row) const {
    DraftRequest r;
    r.category = row.category;
    for (const Signal& s : h_.signals)
      if (std::find(row.signal_ids.begin(), row.signal_ids.end(), s.id) != row.signal_ids.end())
        r.signals.push_back({s.channel, s.received_at, s.subject, s.text});
    r.contact_name = q_.sanitize ? "" : person_.name;
    r.phone = person_.phone;  // `landline` is looked up with the draft: see WriteQueueDrafts
    r.email = person_.email;
    for (const Estimate& e : h_.estimates) r.estimates.push_back({e.number, e.trade, Lower(e.status), e.sent_at});
    r.trade = row.trade;
    r.summary = row.summary;
    r.agent_name = row.owner;
    for (const Person& p : config_.team)
      if (p.name == row.owner && !p.phone.empty()) r.agent_phone = FormatPhoneForDisplay(p.phone, config_.phone_region);
    r.company = &config_;
    r.as_of = q_.now;
    return r;
  }

  Status FinishAssigned(Opportunity& row, const std::optional<Override>& owner_change) {
    row.contact_display = p_.display;
    if (q_.sanitize) {
      row.summary = ScrubName(ScrubText(row.summary), person_.name);
      for (std::string& r : row.reasons) r = ScrubName(ScrubText(r), person_.name);
    }
    const bool primary = row.duplicate_of.empty();
    if (!primary || !IsReal(row.category) || row.status == OpportunityStatus::kDoNotContact) return Status::Ok();
    if (row.trade.empty()) row.trade = EstimateTrade();
    AssignRequest request{row.category, row.received_at, row.trade, ""};
    if (!h_.estimates.empty()) request.estimate_author = h_.estimates.back().estimator;
    StatusOr<Assignment> assignment = Assign(config_, request, load_);
    if (!assignment.ok()) return assignment.status();
    row.owner = assignment->owner;
    row.backup_owner = assignment->backup_owner;
    row.next_action = assignment->next_action;
    row.deadline = assignment->deadline;
    for (const std::string& r : assignment->reasons) row.reasons.push_back(r);
    KeepOutOfQuietHours(row);
    assignment->deadline = *row.deadline;  // escalation starts from the deadline the caller can be called by
    MeasureAttempts(row);
    InferOutcomes(row);
    ApplyOutcomes(row);
    Escalate(row, *assignment);
    KeepOutOfQuietHours(row);  // the backup's fresh deadline too
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
      ++load_[row.owner];
      // The row is final here (Build adds it as it is): its draft may be written later.
      out_.drafts.push_back({out_.rows.size(), DraftRequestFor(row)});
    }
    return Status::Ok();
  }

  const ContactHistory& h_;
  const PreparedContact& p_;
  const QueueContext& q_;
  const CompanyConfig& config_;
  OpenWork& load_;
  const Who person_;
  ContactQueue out_;
  std::vector<const Suppression*> stops_;  // stored and new, oldest first (MergeStops)
  bool stop_in_force_ = false;             // the contact has a stop not lifted
};

}  // namespace

PreparedContact ClassifyContact(const ContactHistory& history, const QueueContext& ctx) {
  PreparedContact out;
  for (const Signal& signal : history.signals)
    if (!(signal.channel == Channel::kCall && signal.answered))
      out.signals.push_back(ClassifyOne(signal, history, ctx));
  const Who who = WhoIs(history);
  out.display = Display(who, ctx);
  if (!who.phone.empty()) out.zone = ZoneForPhone(who.phone, ctx.config->time_zone);
  return out;
}

StatusOr<ContactQueue> AssignContactQueue(const ContactHistory& history, PreparedContact prepared,
                                          const QueueContext& ctx, OpenWork& load) {
  std::vector<ClassifiedSignal> signals = std::move(prepared.signals);
  ContactBuilder builder(history, prepared, ctx, load);
  return builder.Build(std::move(signals));
}

void WriteQueueDrafts(ContactQueue& queue) {
  for (PendingDraft& pending : queue.drafts) {
    pending.request.landline = IsFixedLine(pending.request.phone);
    const Draft draft = WriteDraft(pending.request);
    Opportunity& row = queue.rows[pending.row];
    row.draft = draft.FullText();
    if (!row.draft.empty()) row.draft_channel = std::string(DraftChannelName(draft.channel));
  }
  queue.drafts.clear();
}

StatusOr<ContactQueue> BuildContactQueue(const ContactHistory& history, PreparedContact prepared,
                                         const QueueContext& ctx, OpenWork& load) {
  StatusOr<ContactQueue> queue = AssignContactQueue(history, std::move(prepared), ctx, load);
  if (queue.ok()) WriteQueueDrafts(*queue);
  return queue;
}

}  // namespace ringback
