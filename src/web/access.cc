#include "web/access.h"

namespace ringback::web {

bool Allows(AccessRole role, Permission p) {
  switch (role) {
    case AccessRole::kAdmin: return true;
    case AccessRole::kOffice:
    case AccessRole::kEstimator:
      return p != Permission::kLiftStop && p != Permission::kChangeSettings && p != Permission::kForget;
    case AccessRole::kTechnician:
      return p == Permission::kSeeOwnWork || p == Permission::kUseTools;
  }
  return false;
}

bool CanSee(const User& user, const Opportunity& o) {
  if (Allows(user.role, Permission::kSeeAllWork)) return true;
  return !user.person.empty() && (o.owner == user.person || o.backup_owner == user.person);
}

}  // namespace ringback::web
