// Opportunity: one real request from one contact, with everything needed to act on it. The
// audit derives opportunities from signals; their ids are stable across runs (the id of the
// first signal), so outcomes and events recorded against them survive re-imports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/time.h"

namespace ringback {

enum class OpportunityStatus {
  kOpen,          // waiting for the first attempt, deadline not passed
  kOverdue,       // deadline passed without an attempt
  kAttempted,     // contacted, not (yet) reached
  kReached,       // talked to the person
  kClosed,        // nothing to do: duplicate folded into another, or spam
  kDoNotContact,  // the person asked to stop
};

std::string_view StatusName(OpportunityStatus s);

struct Opportunity {
  std::string id;           // "R-" + first 10 hex of the first signal id
  std::string contact_key;  // the resolved contact
  std::string contact_display;
  std::vector<std::string> signal_ids;
  std::vector<Channel> channels;  // every channel the person used, first use first
  Channel channel = Channel::kCall;  // channel of the first signal
  Timestamp received_at{};
  Category category = Category::kUnknown;
  double confidence = 0;
  std::vector<std::string> reasons;
  std::string trade;
  std::string owner;
  std::string backup_owner;
  std::string next_action;
  std::optional<Timestamp> deadline;
  std::optional<Timestamp> first_attempt_at;
  OpportunityStatus status = OpportunityStatus::kOpen;
  std::string duplicate_of;  // for a duplicate: the opportunity it joined
  std::string draft;         // as the office copies it: an email starts with "Subject: ..."
  std::string draft_channel; // "sms", "email" or "call"; empty when there is no draft
  std::string summary;       // short text of the request, for people and templates
  int escalations = 0;       // times the deadline passed and the work moved on
  std::string lead_source;   // of its first signal that has one ("Google Business Profile"...)
};

// What came of a callback. The names are a contract (CLI, CSV, JSON).
enum class OutcomeKind { kReached, kNotReached, kBooked, kNotAFit, kStopped, kDuplicate, kDoNotContact };
std::string_view OutcomeName(OutcomeKind k);             // "reached", "not_reached", "booked", ...
std::optional<OutcomeKind> ParseOutcome(std::string_view name);  // also accepts "not reached", "not-a-fit"

struct Outcome {
  std::string opportunity_id;
  Timestamp at{};
  OutcomeKind kind = OutcomeKind::kReached;
  std::string actor;
  std::string note;
  bool inferred = false;  // true: read from an outbound record in the exports, not said by a person
};

// One entry of an opportunity's timeline: an escalation, a reassignment, an outcome.
struct TimelineEvent {
  std::string opportunity_id;
  Timestamp at{};
  std::string kind;   // "escalated"
  std::string actor;  // who did it, or "ringback" for automatic moves
  std::string detail; // "no attempt by 11/17 3:00 PM; moves from Tom Nguyen to Dana Brooks"
};

// A stop: who asked, when, on which channel, and the exact words. Stored, never recomputed.
struct Suppression {
  std::string handle;  // "tel:+15125550142" or "mailto:a@b.com"
  Timestamp at{};
  Channel channel = Channel::kSms;
  std::string words;
  std::string signal_id;  // the signal that said stop; "manual:..." when a person added it
  // Set when a person lifted the stop (the person asked again); a lifted stop blocks nothing.
  std::optional<Timestamp> lifted_at;
  std::string lifted_by;
  std::string lift_reason;
};

// What the office sees of one contact: its handles, the channels it used, its open
// opportunity and whether it asked to stop.
struct ContactInfo {
  std::string key;
  std::vector<std::string> handles;
  std::vector<std::string> names;
  std::vector<Channel> channels;
  std::int64_t signals = 0;
  std::string open_opportunity;  // id, empty when none
  std::optional<Suppression> stop;  // the earliest stop in force
};

}  // namespace ringback
