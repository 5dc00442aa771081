#include "review/weekly_summary.h"

namespace ringback {

void AddToSummary(WeeklySummary& s, const Opportunity& row) {
  ++s.rows_by_category[row.category];
  ++s.signals_by_channel[row.channel];
  if (!row.duplicate_of.empty()) {
    ++s.duplicates;
    return;
  }
  if (row.category == Category::kSpam) {
    ++s.spam;
    return;
  }
  if (row.status == OpportunityStatus::kDoNotContact) {
    ++s.do_not_contact;
    return;
  }
  if (!IsReal(row.category)) return;
  ++s.real_opportunities;
  if (row.contact_key.rfind("raw:", 0) == 0) ++s.invalid_numbers;
  ++s.opportunities_by_category[row.category];
  // Work without an owner still counts; it is listed under "(no owner)".
  const std::string owner = row.owner.empty() ? "(no owner)" : row.owner;
  OwnerLoad& load = s.by_owner[owner];
  ++s.owner_by_category[owner][row.category];
  if (row.escalations > 0) ++s.escalated;
  if (row.escalations == 0 && row.first_attempt_at && row.deadline && *row.first_attempt_at <= *row.deadline)
    ++s.attempted_in_time;
  switch (row.status) {
    case OpportunityStatus::kOpen:
      ++s.open;
      ++load.open;
      break;
    case OpportunityStatus::kOverdue:
      ++s.overdue;
      ++load.open;
      ++load.overdue;
      if (s.overdue_list.size() < WeeklySummary::kMaxListed) s.overdue_list.push_back(row);
      break;
    case OpportunityStatus::kAttempted:
      ++s.attempted;
      ++load.attempted;
      break;
    case OpportunityStatus::kReached:
      ++s.reached;
      ++load.attempted;
      break;
    default:
      break;
  }
}

}  // namespace ringback
