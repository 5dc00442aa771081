// A phone call as Twilio's callbacks tell it, one callback at a time: the status callbacks of
// the call and of the legs <Dial> forwarded it on, and the transcription of the voicemail the
// caller left. Callbacks repeat and arrive late or out of order, so the store keeps what they
// said so far (a LiveCall per CallSid) and merges each new one in with rules that never move a
// call backwards. Pure: no store, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace ringback {

struct LiveCall {
  std::string sid;          // CallSid
  std::string parent_sid;   // ParentCallSid: set on a leg that <Dial> forwarded the call on
  std::string direction;    // inbound, outbound-api, outbound-dial (lower case)
  std::string from;         // as Twilio sends it (E.164, or "anonymous" for a withheld number)
  std::string to;
  std::string caller_name;  // CallerName (caller ID lookup), when the account has it
  // The furthest CallStatus seen (queued, ringing, in-progress, completed, busy, failed,
  // no-answer, canceled), lower case; empty until a callback says.
  std::string status;
  std::int64_t sequence = -1;  // SequenceNumber of the callback that set `status`
  std::int64_t duration = -1;  // CallDuration in seconds, the largest seen; -1 until one says
  std::optional<Timestamp> started_at;  // the earliest start any callback implies
  // The call was answered live at some point (in-progress, or completed with a duration).
  // For a forwarded leg this means a person picked up; it never goes back to false.
  bool answered = false;
  std::string dial_status;  // DialCallStatus, when a <Dial action> callback reported one
  bool voicemail = false;   // a transcription callback came: the caller left a message
  std::string transcript;   // TranscriptionText; empty while none came, or when it failed
  std::string transcript_status;  // completed, failed

  bool operator==(const LiveCall&) const = default;
};

// The rank of a CallStatus in a call's life: -1 unknown, 0 queued/initiated, 1 ringing,
// 2 in-progress/answered, 3 terminal (completed, busy, failed, no-answer, canceled).
int CallStatusRank(std::string_view status);
bool IsTerminalCallStatus(std::string_view status);

// Folds one callback (`update`, holding only what that callback said) into what was stored:
// the status only moves forward (a terminal status wins over ringing or in-progress, and the
// first terminal status stays: a late "no-answer" does not undo a completed call), identity
// fields fill in when empty, the duration and the answered flag only grow, the start only
// moves earlier, and a transcript, once given, stays.
void MergeCallUpdate(LiveCall& stored, const LiveCall& update);

// What the call was, for the queue, from everything known about it and its forwarded legs.
enum class CallVerdict {
  kPending,    // no terminal status yet and no voicemail: nothing to show
  kMissed,     // nobody answered: a missed call, to call back
  kAnswered,   // a person took the call (it reached them)
  kVoicemail,  // the caller left a message (the transcript is its text)
  kOutbound,   // an outbound call by the business that ended: an attempt, not a request
};
std::string_view CallVerdictName(CallVerdict v);

// Inbound calls: a voicemail is a voicemail whatever else was said; without a terminal status
// the call is pending; a forwarded leg answered (or a <Dial> result "completed") means a person
// took it; forwarded legs that were all missed, or a <Dial> result other than completed, make
// it missed; otherwise no-answer, busy, failed, canceled, or completed with duration 0 (or none)
// is missed, and completed with a duration is answered. An outbound call of the business
// (outbound-api, no parent) that ended is kOutbound.
CallVerdict JudgeCall(const LiveCall& call, const std::vector<LiveCall>& legs);

}  // namespace ringback
