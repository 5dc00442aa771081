#include "core/opportunity.h"

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

}  // namespace ringback
