// Live intake: signals that arrive one at a time through `ringback serve`'s webhooks (Twilio's
// voice status and transcription callbacks and inbound texts, a website's form) go through the
// same stages as an imported row: stored as a fact with a stable id, linked to the contact's
// other handles, and that contact's queue rows rebuilt (duplicates within the window,
// classification, owner, backup, deadline, draft; a stop stored at once). Each call is one
// transaction: committed before the webhook is answered, or not at all.
#pragma once

#include <string>

#include "core/live_call.h"
#include "core/reject.h"
#include "core/signal.h"
#include "core/status.h"
#include "queue/contact_queue.h"
#include "store/store.h"

namespace ringback {

// How live signals name their source (Signal::source.file; line 0).
inline constexpr const char* kTwilioVoiceSource = "Twilio voice webhook";
inline constexpr const char* kTwilioSmsSource = "Twilio SMS webhook";

struct LiveResult {
  // What happened, in a few words, for the hook's log and metrics: "missed call", "voicemail",
  // "answered call", "text", "form", "outbound call", "duplicate", "pending", "no caller ID".
  std::string what;
  std::string signal_id;    // the signal (or attempt) recorded; empty when none
  std::string contact_key;  // the contact whose rows were rebuilt; empty when none
  bool changed = false;     // false for a repeat delivery that added nothing
  std::vector<std::string> opportunity_ids;  // the contact's rows after the rebuild
};

// Records an inbound signal (a text, a form) if its id is new, links its handles as one contact
// and rebuilds that contact. `stop_requested`: the sender asked to stop by a channel's own
// means (Twilio's Advanced Opt-Out said OptOutType=STOP), stored as a stop on each of its
// handles even when the words alone would not say so. A repeat delivery (same id) changes
// nothing. A signal without a phone or email is refused with InvalidArgument.
StatusOr<LiveResult> RecordLiveSignal(Store& store, const QueueContext& ctx, const Signal& signal,
                                      bool stop_requested = false);

// Merges one Twilio voice callback (`update`: what that callback said about call update.sid)
// into the stored call, judges the call (or, for a forwarded leg, its parent) with JudgeCall,
// and writes the outcome: a missed call, an answered call or a voicemail as the call's signal
// (rewritten as later callbacks tell more, never backwards), an outbound call as an attempt.
// A call whose caller withheld their number is kept as a reject: there is nobody to call back.
StatusOr<LiveResult> RecordLiveCall(Store& store, const QueueContext& ctx, const LiveCall& update);

// Keeps what a hook could not use (a form without a phone or email), as an import keeps a bad
// row: rejects.csv shows it with the reason.
Status RecordLiveReject(Store& store, const Reject& reject);

}  // namespace ringback
