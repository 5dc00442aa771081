#include "pipeline/live_intake.h"

#include <algorithm>

#include "core/lead_source.h"
#include "core/text.h"
#include "identity/phone.h"
#include "identity/resolve.h"
#include "ingest/importer.h"
#include "pipeline/contact_rebuild.h"

namespace ringback {
namespace {

// Runs `fn` in one transaction: all of it is stored, or none.
template <typename Fn>
StatusOr<LiveResult> InTransaction(Store& store, Fn fn) {
  if (Status s = store.Begin(); !s.ok()) return s;
  StatusOr<LiveResult> result = fn();
  if (!result.ok()) {
    (void)store.Rollback();
    return result;
  }
  if (Status s = store.Commit(); !s.ok()) return s;
  return result;
}

// What Twilio puts in From when the caller withheld their number: the keypad spellings of
// ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN and UNAVAILABLE (Twilio help centre, "Why am I getting
// calls from these strange numbers?"), or the words themselves.
bool IsWithheld(std::string_view from) {
  for (std::string_view n : {"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"})
    if (from == n) return true;
  const std::string lower = Lower(Trim(from));
  return lower.empty() || lower == "anonymous" || lower == "restricted" || lower == "blocked" || lower == "unknown" ||
         lower == "unavailable" || lower == "private";
}

// The contact keys `handles` belong to now (those never seen have none).
StatusOr<std::vector<std::string>> KeysOf(Store& store, const std::vector<std::string>& handles) {
  std::vector<std::string> keys;
  for (const std::string& h : handles) {
    StatusOr<std::string> key = store.ContactKeyFor(h);
    if (key.ok()) keys.push_back(*key);
    else if (key.status().code() != Status::Code::kNotFound) return key.status();
  }
  return keys;
}

// Links the handles as one contact and rebuilds it, clearing the rows of the keys the handles
// had before (a link may merge two contacts, or give one a new key).
StatusOr<LiveResult> LinkAndRebuild(Store& store, const QueueContext& ctx, const std::vector<std::string>& handles,
                                    LiveResult result) {
  StatusOr<std::vector<std::string>> before = KeysOf(store, handles);
  if (!before.ok()) return before.status();
  if (Status s = store.LinkHandles(handles); !s.ok()) return s;
  StatusOr<std::string> key = store.ContactKeyFor(handles.front());
  if (!key.ok()) return key.status();
  StatusOr<ContactQueue> queue = RebuildContact(store, ctx, *key, *before);
  if (!queue.ok()) return queue.status();
  result.contact_key = *key;
  for (const Opportunity& row : queue->rows) result.opportunity_ids.push_back(row.id);
  return result;
}

Signal CallSignal(const LiveCall& call, CallVerdict verdict, const CompanyConfig& config, Timestamp now) {
  Signal s;
  s.id = SourceRowId(SourceKind::kCallLog, call.sid);
  s.channel = verdict == CallVerdict::kVoicemail ? Channel::kVoicemail : Channel::kCall;
  s.received_at = call.started_at.value_or(now);
  s.name = call.caller_name;  // as an import of Twilio's call log reads "Caller Name"
  s.phone_raw = call.from;
  s.phone = ParsePhone(call.from, config.phone_region).e164;
  s.text = call.transcript;
  s.duration_seconds = call.duration;
  s.answered = verdict == CallVerdict::kAnswered;
  // A call to the Business Profile's tracking number is a Business Profile lead.
  if (const PhoneNumber called = ParsePhone(call.to, config.phone_region);
      called.ok() && std::find(config.profile_numbers.begin(), config.profile_numbers.end(), called.e164) !=
                         config.profile_numbers.end())
    s.lead_source = std::string(kBusinessProfileSource);
  s.source = {kTwilioVoiceSource, 0};
  return s;
}

StatusOr<LiveResult> RecordOutbound(Store& store, const QueueContext& ctx, const LiveCall& call) {
  Attempt a;
  a.id = SourceRowId(SourceKind::kCallLog, call.sid);
  a.channel = Channel::kCall;
  a.at = call.started_at.value_or(ctx.now);
  a.phone = ParsePhone(call.to, ctx.config->phone_region).e164;
  a.duration_seconds = call.duration;
  a.source = {kTwilioVoiceSource, 0};
  LiveResult result{"outbound call", a.id, "", false, {}};
  if (a.phone.empty()) return result;
  bool inserted = false;
  if (Status s = store.PutAttempt(a, PhoneHandle(a.phone), &inserted); !s.ok()) return s;
  result.changed = inserted;
  StatusOr<std::string> key = store.ContactKeyFor(PhoneHandle(a.phone));
  if (!key.ok()) return key.status().code() == Status::Code::kNotFound ? StatusOr<LiveResult>(result) : key.status();
  if (!inserted) return result;
  StatusOr<ContactQueue> queue = RebuildContact(store, ctx, *key);
  if (!queue.ok()) return queue.status();
  result.contact_key = *key;
  for (const Opportunity& row : queue->rows) result.opportunity_ids.push_back(row.id);
  return result;
}

}  // namespace

StatusOr<LiveResult> RecordLiveSignal(Store& store, const QueueContext& ctx, const Signal& signal, bool stop_requested) {
  const std::vector<std::string> handles = HandlesOf(signal);
  if (handles.empty()) return Status::InvalidArgument("no phone number or email to call back");
  return InTransaction(store, [&]() -> StatusOr<LiveResult> {
    bool inserted = false;
    if (Status s = store.PutSignal(signal, handles.front(), &inserted); !s.ok()) return s;
    if (stop_requested)
      for (const std::string& h : handles)
        if (Status s = store.PutSuppression({h, signal.received_at, signal.channel, signal.text, signal.id}); !s.ok())
          return s;
    LiveResult result{inserted ? std::string(ChannelName(signal.channel)) : "duplicate", signal.id, "", inserted, {}};
    if (!inserted && !stop_requested) {
      StatusOr<std::string> key = store.ContactKeyFor(handles.front());
      if (key.ok()) result.contact_key = *key;
      return result;  // a repeat delivery: the rows are already built
    }
    return LinkAndRebuild(store, ctx, handles, std::move(result));
  });
}

StatusOr<LiveResult> RecordLiveCall(Store& store, const QueueContext& ctx, const LiveCall& update) {
  if (update.sid.empty()) return Status::InvalidArgument("CallSid is missing");
  return InTransaction(store, [&]() -> StatusOr<LiveResult> {
    StatusOr<std::optional<LiveCall>> stored = store.GetLiveCall(update.sid);
    if (!stored.ok()) return stored.status();
    LiveCall merged = stored->value_or(LiveCall{});
    LiveCall event = update;
    if (!event.started_at) event.started_at = ctx.now;  // the call was going on when this came
    MergeCallUpdate(merged, event);
    if (stored->has_value() && **stored == merged) return LiveResult{"duplicate", "", "", false, {}};
    if (Status s = store.PutLiveCall(merged); !s.ok()) return s;
    // A forwarded leg tells whether a person took its parent: judge the parent.
    LiveCall call = merged;
    if (!merged.parent_sid.empty()) {
      StatusOr<std::optional<LiveCall>> parent = store.GetLiveCall(merged.parent_sid);
      if (!parent.ok()) return parent.status();
      if (!parent->has_value()) return LiveResult{"pending", "", "", true, {}};
      call = **parent;
    }
    StatusOr<std::vector<LiveCall>> legs = store.LiveCallLegs(call.sid);
    if (!legs.ok()) return legs.status();
    const CallVerdict verdict = JudgeCall(call, *legs);
    if (verdict == CallVerdict::kPending) return LiveResult{"pending", "", "", true, {}};
    if (verdict == CallVerdict::kOutbound) return RecordOutbound(store, ctx, call);
    const Signal signal = CallSignal(call, verdict, *ctx.config, ctx.now);
    std::vector<std::string> handles = HandlesOf(signal);
    if (IsWithheld(call.from) || handles.empty()) {
      if (verdict == CallVerdict::kAnswered) return LiveResult{"answered call", "", "", true, {}};
      // Nobody to call back: kept with the reason (and the message's words), like an export's
      // row without a usable number, so rejects.csv shows it.
      std::string reason = std::string(CallVerdictName(verdict)) + " " + call.sid + " from a withheld number (" +
                           call.from + "): nothing to call back";
      if (!call.transcript.empty()) reason += "; the message says: " + std::string(Utf8Prefix(call.transcript, 500));
      if (Status s = store.PutReject({kTwilioVoiceSource, 0, "From", reason}); !s.ok()) return s;
      return LiveResult{"no caller ID", "", "", true, {}};
    }
    // The call's signal is rewritten as callbacks tell more (missed, then its voicemail's words).
    if (Status s = store.ReplaceSignal(signal, handles.front()); !s.ok()) return s;
    const char* what = verdict == CallVerdict::kVoicemail ? "voicemail"
                       : verdict == CallVerdict::kAnswered ? "answered call"
                                                           : "missed call";
    return LinkAndRebuild(store, ctx, handles, LiveResult{what, signal.id, "", true, {}});
  });
}

Status RecordLiveReject(Store& store, const Reject& reject) {
  if (Status s = store.Begin(); !s.ok()) return s;
  if (Status s = store.PutReject(reject); !s.ok()) {
    (void)store.Rollback();
    return s;
  }
  return store.Commit();
}

}  // namespace ringback
