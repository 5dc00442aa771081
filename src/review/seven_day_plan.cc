#include "review/seven_day_plan.h"

namespace ringback {
namespace {

int Failures(const WeekMetrics& w, HandoffPoint p) {
  auto it = w.failures_by_point.find(p);
  return it == w.failures_by_point.end() ? 0 : it->second;
}

// What the week's figures say for the decision of day 7.
std::string Decision(const WeekMetrics& w) {
  if (w.real_opportunities == 0) return "No real opportunities this week: check that every export was collected.";
  HandoffPoint top = HandoffPoint::kPhone;
  for (HandoffPoint p : kHandoffPoints)
    if (Failures(w, p) > Failures(w, top)) top = p;
  const int n = Failures(w, top);
  if (n == 0) return "Every real opportunity was handled in time: keep the workflow, then look at marketing spend.";
  const std::string lead = std::to_string(n) + " " + std::string(HandoffName(top)) + " failures lead: ";
  switch (top) {
    case HandoffPoint::kPhone: return lead + "repair the callback workflow (missed calls and voicemails) before buying more leads.";
    case HandoffPoint::kForm: return lead + "fix where the web form goes and who answers it.";
    case HandoffPoint::kProfile: return lead + "give Business Profile messages an owner and an alert.";
    case HandoffPoint::kInbox: return lead + "route the shared inbox to an owner; stop answering from personal inboxes.";
    case HandoffPoint::kTechnician: return lead + "have technicians log the buyers they talk to with the office.";
    case HandoffPoint::kCrm: return lead + "enter voicemails and forms into the CRM the same day.";
    case HandoffPoint::kOwnerReview: return lead + "the owner reviews escalations daily and names a backup for everyone.";
  }
  return lead;
}

}  // namespace

std::vector<PlanDay> SevenDayPlan(const WeekMetrics& w, std::int64_t signals, std::int64_t rejected, int drafts) {
  int failures = 0;
  for (const auto& [p, n] : w.failures_by_point) failures += n;
  return {
      {"Collect", std::to_string(signals) + " signals read, " + std::to_string(rejected) + " rows set aside (rejects.csv).",
       "Key figures", "key-figures"},
      {"Classify; remove spam, duplicates and stops",
       std::to_string(w.spam) + " spam, " + std::to_string(w.duplicates) + " duplicates and " +
           std::to_string(w.stopped) + " stops removed; " + std::to_string(w.real_opportunities) +
           " real opportunities left.",
       "Opportunities by category", "categories"},
      {"Assign owners; write the scripts",
       std::to_string(w.real_opportunities) + " opportunities each with one owner, backup, next action and deadline; " +
           std::to_string(drafts) + " callback drafts written.",
       "Who owns the next action", "owners"},
      {"Contact what is appropriate",
       std::to_string(w.attempted) + " attempted, " + std::to_string(w.attempted_within_sla) +
           " within their deadline; " + std::to_string(w.open_at_week_end) + " still waiting at week end.",
       "Time to first attempt", "first-attempt"},
      {"Update outcomes and mark stops",
       std::to_string(w.reached) + " reached, " + std::to_string(w.booked) + " booked, " + std::to_string(w.stopped) +
           " asked to stop (" + std::to_string(w.inferred_outcomes) + " outcomes read from call logs).",
       "The week in figures", "figures"},
      {"Review where the handoff failed",
       std::to_string(failures) + " handoff failures, and the hours when contacts were lost.", "Where the handoff failed",
       "handoff"},
      {"Decide", Decision(w), "What the leak costs", "leak"},
  };
}

}  // namespace ringback
