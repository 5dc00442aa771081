#include "core/company_config.h"

namespace ringback {

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kOwner: return "owner";
    case Role::kDispatcher: return "dispatcher";
    case Role::kEstimator: return "estimator";
    case Role::kTechnician: return "technician";
    case Role::kOffice: return "office";
  }
  return "office";
}

}  // namespace ringback
