// ContactHistory: everything Ringback knows about one contact, as the store holds it. It is the
// whole input of the queue stage (src/queue) for that contact, so the stage needs no store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account.h"
#include "core/opportunity.h"
#include "core/signal.h"

namespace ringback {

struct ContactHistory {
  std::string key;                  // the contact key (smallest of its handles)
  std::vector<Signal> signals;      // oldest first (received_at, then id)
  std::vector<Attempt> attempts;    // outbound contacts to any of its handles, oldest first
  std::vector<Estimate> estimates;  // quotes to any of its phones or emails, by sent_at then id
  std::vector<Suppression> stops;   // every stop of its handles, lifted or not, oldest first
  // What people recorded against this contact's opportunities (never the inferred outcomes,
  // which the queue stage derives again), oldest first.
  std::vector<Outcome> outcomes;
  std::vector<Override> overrides;
  // Set only when asked for (recovery): the stored queue has an open, overdue or attempted
  // opportunity for this contact.
  bool has_open_opportunity = false;
};

// One quote's place in the old-estimate recovery plan with the facts about its contact that
// decided it. The store keeps these while a plan is made, sorted on disk, so that the plan never
// holds every quote in memory.
struct RankedQuote {
  std::string estimate_id;
  int rank = 0;                           // follow-up 0, consent check 1, excluded 2
  std::int64_t expected_value_cents = 0;  // highest first within a rank
  std::string number;                     // then by estimate number
  std::string contact_key;                // "" when no handle of the quote is known
  std::optional<Timestamp> stopped_at;
  bool has_open_opportunity = false;
  std::optional<Timestamp> last_reached_at;
  bool later_estimate = false;
  // Channels the contact asked, in any message, not to be reached on: "sms,call" ("" for none).
  std::string refused_channels;
};

}  // namespace ringback
