#include "core/opportunity.h"

#include <array>
#include <cctype>

namespace ringback {

std::string_view StatusName(OpportunityStatus s) {
  switch (s) {
    case OpportunityStatus::kOpen: return "open";
    case OpportunityStatus::kOverdue: return "overdue";
    case OpportunityStatus::kAttempted: return "attempted";
    case OpportunityStatus::kReached: return "reached";
    case OpportunityStatus::kClosed: return "closed";
    case OpportunityStatus::kDoNotContact: return "do_not_contact";
  }
  return "open";
}

namespace {
constexpr std::array<std::pair<OutcomeKind, std::string_view>, 7> kOutcomes{{
    {OutcomeKind::kReached, "reached"},
    {OutcomeKind::kNotReached, "not_reached"},
    {OutcomeKind::kBooked, "booked"},
    {OutcomeKind::kNotAFit, "not_a_fit"},
    {OutcomeKind::kStopped, "stopped"},
    {OutcomeKind::kDuplicate, "duplicate"},
    {OutcomeKind::kDoNotContact, "do_not_contact"},
}};
}  // namespace

std::string_view OutcomeName(OutcomeKind k) {
  for (const auto& [kind, name] : kOutcomes)
    if (kind == k) return name;
  return "reached";
}

std::optional<OutcomeKind> ParseOutcome(std::string_view text) {
  std::string name;
  for (char c : text) {
    if (c == ' ' || c == '-') c = '_';
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const auto& [kind, n] : kOutcomes)
    if (n == name) return kind;
  return std::nullopt;
}

}  // namespace ringback
