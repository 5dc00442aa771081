// Resolve: folds one contact's classified signals into opportunities. A signal that arrives
// while the contact has an open opportunity (within the duplicate window of its latest signal)
// joins it as a `duplicate` row; the opportunity takes the most urgent category among its
// signals, and a stop on any channel makes every opportunity of the contact do-not-contact.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/opportunity.h"
#include "core/signal.h"
#include "core/time.h"

namespace ringback {

// One inbound signal with its classification.
struct ClassifiedSignal {
  Signal signal;
  Category category = Category::kUnknown;
  double confidence = 0;
  std::vector<std::string> reasons;
  std::string trade;
};

struct ResolveOptions {
  Seconds duplicate_window = std::chrono::days(7);
  // When the contact asked to stop before these signals (a stored suppression), the instant.
  std::optional<Timestamp> stopped_at;
  // Zone in which "asked to stop on DATE" is written; UTC when empty.
  std::string time_zone;
};

// `signals` are one contact's inbound signals (not answered calls), sorted by received_at then
// id. Returns the queue rows: each opportunity followed by the duplicate rows that joined it.
// Owners, deadlines, drafts and attempts are filled in later stages.
std::vector<Opportunity> ResolveContact(const std::string& contact_key,
                                        const std::vector<ClassifiedSignal>& signals,
                                        const ResolveOptions& options);

// "R-" + the first 10 characters of the signal id: short, stable across runs.
std::string OpportunityId(const std::string& signal_id);

// The handles a signal carries: "tel:+1…", "mailto:…", or "raw:<digits>" for a number that is
// present but not valid (kept, reported, never dropped).
std::vector<std::string> HandlesOf(const Signal& signal);

}  // namespace ringback
