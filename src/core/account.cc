#include "core/account.h"

namespace ringback {

std::string_view AccessRoleName(AccessRole r) {
  switch (r) {
    case AccessRole::kAdmin: return "admin";
    case AccessRole::kOffice: return "office";
    case AccessRole::kEstimator: return "estimator";
    case AccessRole::kTechnician: return "technician";
  }
  return "office";
}

std::optional<AccessRole> ParseAccessRole(std::string_view name) {
  if (name == "admin" || name == "owner") return AccessRole::kAdmin;
  if (name == "office" || name == "dispatcher" || name == "csr") return AccessRole::kOffice;
  if (name == "estimator") return AccessRole::kEstimator;
  if (name == "technician" || name == "tech") return AccessRole::kTechnician;
  return std::nullopt;
}

}  // namespace ringback
