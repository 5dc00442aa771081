#include "core/live_call.h"

#include <algorithm>

namespace ringback {
namespace {

bool IsOutbound(std::string_view direction) { return direction.starts_with("outbound"); }

// A leg (or any call) that a person picked up.
bool WasAnswered(std::string_view status, std::int64_t duration) {
  return status == "in-progress" || status == "answered" || (status == "completed" && duration > 0);
}

}  // namespace

int CallStatusRank(std::string_view status) {
  if (status == "queued" || status == "initiated") return 0;
  if (status == "ringing") return 1;
  if (status == "in-progress" || status == "answered") return 2;
  return IsTerminalCallStatus(status) ? 3 : -1;
}

bool IsTerminalCallStatus(std::string_view status) {
  return status == "completed" || status == "busy" || status == "failed" || status == "no-answer" ||
         status == "canceled";
}

void MergeCallUpdate(LiveCall& stored, const LiveCall& update) {
  auto fill = [](std::string& field, const std::string& value) {
    if (field.empty()) field = value;
  };
  fill(stored.sid, update.sid);
  fill(stored.parent_sid, update.parent_sid);
  fill(stored.direction, update.direction);
  fill(stored.from, update.from);
  fill(stored.to, update.to);
  fill(stored.caller_name, update.caller_name);
  const int have = CallStatusRank(stored.status), got = CallStatusRank(update.status);
  // Forward only. Between two non-terminal statuses of the same rank the later callback (by
  // Twilio's SequenceNumber) wins; between terminal ones the first stays.
  if (got > have || (got == have && got >= 0 && got < 3 && update.sequence > stored.sequence)) {
    stored.status = update.status;
    stored.sequence = update.sequence;
  }
  stored.duration = std::max(stored.duration, update.duration);
  if (update.started_at && (!stored.started_at || *update.started_at < *stored.started_at))
    stored.started_at = update.started_at;
  stored.answered = stored.answered || update.answered || WasAnswered(update.status, update.duration);
  if (!update.dial_status.empty() &&
      (stored.dial_status.empty() || (!IsTerminalCallStatus(stored.dial_status) && IsTerminalCallStatus(update.dial_status))))
    stored.dial_status = update.dial_status;
  if (update.voicemail) {
    stored.voicemail = true;
    // A failed transcription after a good one (a repeat) keeps the words.
    if (!update.transcript.empty() || stored.transcript.empty()) {
      stored.transcript = update.transcript;
      stored.transcript_status = update.transcript_status;
    }
  }
}

std::string_view CallVerdictName(CallVerdict v) {
  switch (v) {
    case CallVerdict::kPending: return "pending";
    case CallVerdict::kMissed: return "missed";
    case CallVerdict::kAnswered: return "answered";
    case CallVerdict::kVoicemail: return "voicemail";
    case CallVerdict::kOutbound: return "outbound";
  }
  return "";
}

CallVerdict JudgeCall(const LiveCall& call, const std::vector<LiveCall>& legs) {
  if (call.voicemail) return CallVerdict::kVoicemail;
  if (!IsTerminalCallStatus(call.status)) return CallVerdict::kPending;
  if (IsOutbound(call.direction) && call.parent_sid.empty()) return CallVerdict::kOutbound;
  // An inbound call to a Twilio number is "answered" by the number's own TwiML (which then
  // forwards it, or records a message): whether a person took it is told by the forwarded legs.
  if (std::any_of(legs.begin(), legs.end(), [](const LiveCall& leg) { return leg.answered; }))
    return CallVerdict::kAnswered;
  if (call.dial_status == "completed") return CallVerdict::kAnswered;
  if (!call.dial_status.empty() || !legs.empty()) return CallVerdict::kMissed;
  // A completed call without a duration is counted missed: a needless callback costs less than a lost buyer.
  return call.status == "completed" && call.duration > 0 ? CallVerdict::kAnswered : CallVerdict::kMissed;
}

}  // namespace ringback
