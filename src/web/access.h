// Who may do what. One table, checked by the router before any handler runs, so no page or
// API call can forget it. Technicians see only their own work; only an admin (the owner)
// changes settings or lifts a stop.
#pragma once

#include "core/account.h"
#include "core/opportunity.h"

namespace ringback::web {

enum class Permission {
  kSeeOwnWork,     // the board and opportunities assigned to me; record their outcomes
  kSeeAllWork,     // everyone's board and opportunities
  kReassign,       // move an opportunity to another person
  kReclassify,     // change the category, with a reason
  kLiftStop,       // make a stopped contact callable again, with a reason
  kImport,         // upload exports and rebuild the queue
  kSeeReview,      // the weekly review (money figures)
  kUseTools,       // calculators, checklists, the seven-day plan
  kSeeSettings,    // team, hours, SLA, templates (read only)
  kChangeSettings, // edit the company configuration
  kForget,         // forget a person: remove what the database holds about them (their stop stays)
};

bool Allows(AccessRole role, Permission permission);

// Whether `user` may open `opportunity`: everyone but a technician sees all work; a
// technician sees what is assigned to them (owner or backup on the roster name they sign in as).
bool CanSee(const User& user, const Opportunity& opportunity);

}  // namespace ringback::web
