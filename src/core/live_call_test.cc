// Twilio's callbacks about one call, merged in any order: the call never moves backwards, and
// what it was (missed, answered, voicemail) follows from everything said.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/live_call.h"

namespace ringback {
namespace {

LiveCall Update(std::string status, std::int64_t duration = -1, std::int64_t sequence = -1) {
  LiveCall c;
  c.sid = "CA1";
  c.direction = "inbound";
  c.from = "+15125550142";
  c.status = std::move(status);
  c.duration = duration;
  c.sequence = sequence;
  return c;
}

LiveCall Merged(const std::vector<LiveCall>& updates) {
  LiveCall stored;
  for (const LiveCall& u : updates) MergeCallUpdate(stored, u);
  return stored;
}

TEST(LiveCall, StatusOnlyMovesForwardWhateverOrderCallbacksArriveIn) {
  const std::vector<LiveCall> updates = {Update("ringing", -1, 1), Update("in-progress", -1, 2),
                                         Update("completed", 40, 3)};
  std::vector<int> order = {0, 1, 2};
  do {
    std::vector<LiveCall> shuffled;
    for (int i : order) shuffled.push_back(updates[static_cast<std::size_t>(i)]);
    const LiveCall c = Merged(shuffled);
    EXPECT_EQ(c.status, "completed");
    EXPECT_EQ(c.duration, 40);
    EXPECT_EQ(JudgeCall(c, {}), CallVerdict::kAnswered);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(LiveCall, ALateRingingDoesNotReopenAMissedCall) {
  const LiveCall c = Merged({Update("no-answer", 0), Update("ringing")});
  EXPECT_EQ(c.status, "no-answer");
  EXPECT_EQ(JudgeCall(c, {}), CallVerdict::kMissed);
}

TEST(LiveCall, TheFirstTerminalStatusStaysAnAnsweredCallStaysAnswered) {
  const LiveCall c = Merged({Update("completed", 95), Update("no-answer", 0)});
  EXPECT_EQ(c.status, "completed");
  EXPECT_EQ(c.duration, 95);
  EXPECT_EQ(JudgeCall(c, {}), CallVerdict::kAnswered);
}

TEST(LiveCall, NothingToShowBeforeATerminalStatus) {
  EXPECT_EQ(JudgeCall(Merged({Update("ringing")}), {}), CallVerdict::kPending);
  EXPECT_EQ(JudgeCall(Merged({Update("in-progress")}), {}), CallVerdict::kPending);
}

TEST(LiveCall, MissedStatusesAndAZeroLengthCompletedCallAreMissed) {
  for (const char* status : {"no-answer", "busy", "failed", "canceled"})
    EXPECT_EQ(JudgeCall(Merged({Update(status, 0)}), {}), CallVerdict::kMissed) << status;
  EXPECT_EQ(JudgeCall(Merged({Update("completed", 0)}), {}), CallVerdict::kMissed);
  EXPECT_EQ(JudgeCall(Merged({Update("completed")}), {}), CallVerdict::kMissed) << "no CallDuration";
}

TEST(LiveCall, ATranscriptMakesItAVoicemailBeforeOrAfterTheStatus) {
  LiveCall words;
  words.sid = "CA1";
  words.voicemail = true;
  words.transcript = "Water is coming through the ceiling";
  words.transcript_status = "completed";
  for (const auto& updates : {std::vector<LiveCall>{Update("completed", 35), words},
                              std::vector<LiveCall>{words, Update("completed", 35)}}) {
    const LiveCall c = Merged(updates);
    EXPECT_EQ(JudgeCall(c, {}), CallVerdict::kVoicemail);
    EXPECT_EQ(c.transcript, "Water is coming through the ceiling");
  }
  // A failed transcription delivered again later does not erase the words.
  LiveCall failed = words;
  failed.transcript.clear();
  failed.transcript_status = "failed";
  EXPECT_EQ(Merged({words, failed}).transcript, "Water is coming through the ceiling");
}

TEST(LiveCall, ForwardedLegsTellWhetherAPersonAnswered) {
  // The number's TwiML answers every call (completed, 30 s): the <Dial> legs say who picked up.
  const LiveCall parent = Merged({Update("completed", 30)});
  LiveCall leg = Update("no-answer", 0);
  leg.sid = "CA2";
  leg.parent_sid = "CA1";
  leg.direction = "outbound-dial";
  EXPECT_EQ(JudgeCall(parent, {Merged({leg})}), CallVerdict::kMissed);
  LiveCall answered_leg = leg;
  answered_leg.status = "in-progress";
  // In-progress then a stray no-answer: the leg was answered, and stays so.
  EXPECT_EQ(JudgeCall(parent, {Merged({answered_leg, leg})}), CallVerdict::kAnswered);
  // Two phones rang, one answered.
  LiveCall other = leg;
  other.sid = "CA3";
  EXPECT_EQ(JudgeCall(parent, {Merged({other}), Merged({answered_leg})}), CallVerdict::kAnswered);
}

TEST(LiveCall, ADialResultDecidesToo) {
  LiveCall parent = Update("completed", 25);
  parent.dial_status = "no-answer";
  EXPECT_EQ(JudgeCall(Merged({parent}), {}), CallVerdict::kMissed);
  parent.dial_status = "completed";
  EXPECT_EQ(JudgeCall(Merged({parent}), {}), CallVerdict::kAnswered);
}

TEST(LiveCall, AnOutboundCallIsAnAttempt) {
  LiveCall out = Update("completed", 60);
  out.direction = "outbound-api";
  EXPECT_EQ(JudgeCall(Merged({out}), {}), CallVerdict::kOutbound);
}

TEST(LiveCall, IdentityFillsInAndTheStartMovesEarlierOnly) {
  LiveCall first = Update("ringing");
  first.from.clear();
  first.started_at = Timestamp(Seconds(1000));
  LiveCall second = Update("completed", 20);
  second.started_at = Timestamp(Seconds(900));
  LiveCall third = Update("completed", 20);
  third.from = "+19999999999";
  third.started_at = Timestamp(Seconds(1200));
  const LiveCall c = Merged({first, second, third});
  EXPECT_EQ(c.from, "+15125550142");  // the first that said
  EXPECT_EQ(*c.started_at, Timestamp(Seconds(900)));
}

}  // namespace
}  // namespace ringback
