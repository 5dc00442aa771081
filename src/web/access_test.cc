// The role table of web/access.h: what each of the four roles may do, and which opportunities
// a technician may open.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/access.h"

namespace ringback::web {
namespace {

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> all = [] {
    std::vector<Permission> out;
    for (int p = 0; p <= static_cast<int>(Permission::kForget); ++p) out.push_back(static_cast<Permission>(p));
    return out;
  }();
  return all;
}

TEST(Allows, AdminMayDoEverything) {
  for (Permission p : AllPermissions()) EXPECT_TRUE(Allows(AccessRole::kAdmin, p)) << static_cast<int>(p);
}

TEST(Allows, OfficeAndEstimatorMayDoAllButLiftAStopOrChangeSettings) {
  for (AccessRole role : {AccessRole::kOffice, AccessRole::kEstimator}) {
    for (Permission p : AllPermissions()) {
      const bool admin_only =
          p == Permission::kLiftStop || p == Permission::kChangeSettings || p == Permission::kForget;
      EXPECT_EQ(Allows(role, p), !admin_only) << AccessRoleName(role) << " permission " << static_cast<int>(p);
    }
  }
}

TEST(Allows, TechnicianMaySeeOwnWorkAndUseToolsOnly) {
  for (Permission p : AllPermissions()) {
    const bool expected = p == Permission::kSeeOwnWork || p == Permission::kUseTools;
    EXPECT_EQ(Allows(AccessRole::kTechnician, p), expected) << static_cast<int>(p);
  }
  EXPECT_FALSE(Allows(AccessRole::kTechnician, Permission::kSeeAllWork));
  EXPECT_FALSE(Allows(AccessRole::kTechnician, Permission::kSeeReview)) << "the review shows money figures";
}

User Person(AccessRole role, std::string person) {
  User u;
  u.login = "someone";
  u.person = std::move(person);
  u.role = role;
  return u;
}

Opportunity Work(std::string owner, std::string backup) {
  Opportunity o;
  o.id = "R-0123456789";
  o.owner = std::move(owner);
  o.backup_owner = std::move(backup);
  return o;
}

TEST(CanSee, TechnicianSeesWorkWhereTheyAreOwnerOrBackup) {
  const User jake = Person(AccessRole::kTechnician, "Jake Turner");
  EXPECT_TRUE(CanSee(jake, Work("Jake Turner", "Maria Alvarez")));
  EXPECT_TRUE(CanSee(jake, Work("Luis Mendez", "Jake Turner")));
  EXPECT_FALSE(CanSee(jake, Work("Luis Mendez", "Maria Alvarez")));
  EXPECT_FALSE(CanSee(jake, Work("", ""))) << "nobody's work is not the technician's";
  EXPECT_FALSE(CanSee(jake, Work("Jake Turner2", "jake turner"))) << "the roster name must match exactly";
}

TEST(CanSee, TechnicianWithoutARosterNameSeesNothing) {
  const User nameless = Person(AccessRole::kTechnician, "");
  EXPECT_FALSE(CanSee(nameless, Work("", ""))) << "an empty name must not match an empty owner";
  EXPECT_FALSE(CanSee(nameless, Work("Luis Mendez", "")));
}

TEST(CanSee, EveryOtherRoleSeesAllWork) {
  for (AccessRole role : {AccessRole::kAdmin, AccessRole::kOffice, AccessRole::kEstimator}) {
    const User u = Person(role, "Dana Brooks");
    EXPECT_TRUE(CanSee(u, Work("Luis Mendez", "Jake Turner"))) << AccessRoleName(role);
    EXPECT_TRUE(CanSee(u, Work("", ""))) << AccessRoleName(role);
  }
}

}  // namespace
}  // namespace ringback::web
