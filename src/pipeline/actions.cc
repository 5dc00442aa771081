#include "pipeline/actions.h"
#include "core/text.h"
#include "identity/phone.h"
#include "pipeline/audit.h"

#include <algorithm>

namespace ringback {
namespace {

// Runs `fn` in a transaction: all of it is stored, or none.
template <typename Fn>
Status InTransaction(Store& store, Fn fn, bool own = true) {
  if (!own) return fn();
  if (Status s = store.Begin(); !s.ok()) return s;
  Status s = fn();
  if (!s.ok()) {
    (void)store.Rollback();
    return s;
  }
  return store.Commit();
}

StatusOr<Opportunity> Find(Store& store, const std::string& id) {
  StatusOr<Opportunity> o = store.GetOpportunity(id);
  if (!o.ok() && o.status().code() == Status::Code::kNotFound)
    return Status::NotFound("no opportunity \"" + id + "\" in the database (ids are in queue.csv)");
  return o;
}

Status StopEverywhere(Store& store, const Opportunity& o, Timestamp at, const std::string& words,
                      const std::string& origin) {
  return store.PutSuppression({o.contact_key, at, o.channel, words, origin + ":" + o.id + ":" + std::to_string(ToUnix(at))});
}

constexpr std::size_t kMaxReason = 2000;

}  // namespace

Status RecordOutcome(Store& store, const Outcome& outcome, bool own_transaction) {
  StatusOr<Opportunity> o = Find(store, outcome.opportunity_id);
  if (!o.ok()) return o.status();
  return InTransaction(store, [&] {
    if (Status s = store.PutOutcome(outcome); !s.ok()) return s;
    if (outcome.kind != OutcomeKind::kStopped && outcome.kind != OutcomeKind::kDoNotContact) return Status::Ok();
    const std::string words = outcome.note.empty() ? "outcome " + std::string(OutcomeName(outcome.kind)) : outcome.note;
    return StopEverywhere(store, *o, outcome.at, words, "outcome");
  }, own_transaction);
}

Status Reassign(Store& store, const CompanyConfig& config, const std::string& opportunity_id,
                const std::string& person, const std::string& actor, const std::string& reason, Timestamp at) {
  if (std::string(Trim(reason)).empty()) return Status::InvalidArgument("say why the work moves (a reason is required)");
  if (reason.size() > kMaxReason) return Status::InvalidArgument("the reason is too long (2000 characters at most)");
  if (std::none_of(config.team.begin(), config.team.end(), [&](const Person& p) { return p.name == person; }))
    return Status::InvalidArgument("\"" + person + "\" is not on the team roster");
  StatusOr<Opportunity> o = Find(store, opportunity_id);
  if (!o.ok()) return o.status();
  if (o->owner.empty())
    return Status::InvalidArgument("nothing to reassign: " + opportunity_id + " has no owner (" +
                                   std::string(StatusName(o->status)) + ")");
  return InTransaction(store, [&] {
    if (Status s = store.PutOverride({opportunity_id, at, "owner", person, actor, std::string(Trim(reason))}); !s.ok()) return s;
    return store.PutPersonEvent({opportunity_id, at, "reassigned", actor,
                                 "from " + (o->owner.empty() ? std::string("nobody") : o->owner) + " to " + person +
                                     ": " + std::string(Trim(reason))});
  });
}

Status Reclassify(Store& store, const std::string& opportunity_id, Category category, const std::string& actor,
                  const std::string& reason, Timestamp at) {
  if (std::string(Trim(reason)).empty()) return Status::InvalidArgument("say why the category changes (a reason is required)");
  if (reason.size() > kMaxReason) return Status::InvalidArgument("the reason is too long (2000 characters at most)");
  StatusOr<Opportunity> o = Find(store, opportunity_id);
  if (!o.ok()) return o.status();
  const std::string name(CategoryName(category));
  return InTransaction(store, [&] {
    if (Status s = store.PutOverride({opportunity_id, at, "category", name, actor, std::string(Trim(reason))}); !s.ok()) return s;
    if (category == Category::kStop)
      if (Status s = StopEverywhere(store, *o, at, std::string(Trim(reason)), "reclassified"); !s.ok()) return s;
    return store.PutPersonEvent({opportunity_id, at, "reclassified", actor,
                                 "from " + std::string(CategoryName(o->category)) + " to " + name + ": " +
                                     std::string(Trim(reason))});
  });
}

Status LiftStop(Store& store, const std::string& opportunity_id, const std::string& actor, const std::string& reason,
                Timestamp at) {
  if (std::string(Trim(reason)).empty()) return Status::InvalidArgument("say why the stop is lifted (a reason is required)");
  if (reason.size() > kMaxReason) return Status::InvalidArgument("the reason is too long (2000 characters at most)");
  StatusOr<Opportunity> o = Find(store, opportunity_id);
  if (!o.ok()) return o.status();
  return InTransaction(store, [&] {
    if (Status s = store.LiftStops(o->contact_key, at, actor, std::string(Trim(reason))); !s.ok()) return s;
    return store.PutPersonEvent({opportunity_id, at, "stop lifted", actor, std::string(Trim(reason))});
  });
}

StatusOr<ForgetReport> ForgetContact(Store& store, const std::string& db_path, const CompanyConfig& config,
                                     const std::string& phone_or_email, const std::string& actor,
                                     const std::string& reason, Timestamp at) {
  if (Trim(actor).empty()) return Status::InvalidArgument("say who asked to forget this person (the actor)");
  if (Trim(reason).empty()) return Status::InvalidArgument("say why this person is forgotten (the reason)");
  std::string handle;
  if (phone_or_email.find('@') != std::string::npos) {
    const std::string email = NormalizeEmail(phone_or_email);
    if (email.empty()) return Status::InvalidArgument("not an email address: " + QuoteValue(phone_or_email));
    handle = EmailHandle(email);
  } else {
    const PhoneNumber phone = ParsePhone(phone_or_email, config.phone_region);
    if (!phone.ok())
      return Status::InvalidArgument("not a phone number or email: " + QuoteValue(phone_or_email) + " (" + phone.error + ")");
    handle = PhoneHandle(phone.e164);
  }
  StatusOr<ForgetReport> report = store.Forget({handle, actor, reason, at});
  if (!report.ok()) return report.status();
  AuditOptions options;
  options.db_path = db_path;
  AuditResult result;
  result.as_of = at;
  if (Status s = RebuildQueue(store, config, options, result); !s.ok())
    return Status::IoError("the person is forgotten, but the queue could not be rebuilt: " + s.message());
  return report;
}

}  // namespace ringback
