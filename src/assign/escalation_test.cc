// Escalations: owner -> backup -> company owner as deadlines pass without an attempt.
#include <gtest/gtest.h>

#include "assign/assigner.h"
#include "assign/test_company.h"

namespace ringback {
namespace {

using testing_company::At;
using testing_company::Company;
using testing_company::Date;

// Active estimate from Dana's customer, Tuesday 10:00: Dana owns it, Sam backs up, due 12:00.
Assignment DanaEstimate(const CompanyConfig& c, const std::string& received) {
  auto a = Assign(c, AssignRequest{Category::kActiveEstimate, At(received), "roofing", "Dana Cole"},
                  {});
  EXPECT_TRUE(a.ok());
  return a.ok() ? *a : Assignment{};
}

TEST(Escalations, OwnerThenBackupThenCompanyOwnerInOrder) {
  const CompanyConfig c = Company();
  const Assignment a = DanaEstimate(c, "2026-03-10T10:00:00-05:00");
  ASSERT_EQ(a.owner, "Dana Cole");
  ASSERT_EQ(a.backup_owner, "Sam Ortiz");
  auto steps = Escalations(c, Category::kActiveEstimate, a, std::nullopt,
                           At("2026-03-11T12:00:00-05:00"));
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].at, At("2026-03-10T12:00:00-05:00"));
  EXPECT_EQ(steps[0].from, "Dana Cole");
  EXPECT_EQ(steps[0].to, "Sam Ortiz");
  EXPECT_EQ(steps[0].new_deadline, At("2026-03-10T14:00:00-05:00"));
  EXPECT_NE(steps[0].why.find("no attempt"), std::string::npos);
  EXPECT_EQ(steps[1].at, At("2026-03-10T14:00:00-05:00"));
  EXPECT_EQ(steps[1].from, "Sam Ortiz");
  EXPECT_EQ(steps[1].to, "Maria Owens");
  EXPECT_EQ(steps[1].new_deadline, At("2026-03-10T16:00:00-05:00"));
}

TEST(Escalations, OnlyStepsThatHappenedByNow) {
  const CompanyConfig c = Company();
  const Assignment a = DanaEstimate(c, "2026-03-10T10:00:00-05:00");
  const auto at = [&](const std::string& now) {
    return Escalations(c, Category::kActiveEstimate, a, std::nullopt, At(now)).size();
  };
  EXPECT_EQ(at("2026-03-10T11:00:00-05:00"), 0u);
  EXPECT_EQ(at("2026-03-10T12:00:00-05:00"), 0u);  // at the deadline it has not passed yet
  EXPECT_EQ(at("2026-03-10T12:00:01-05:00"), 1u);
  EXPECT_EQ(at("2026-03-10T14:00:01-05:00"), 2u);
  EXPECT_EQ(at("2026-03-20T00:00:00-05:00"), 2u);  // the company owner is the end
}

TEST(Escalations, AnAttemptBeforeADeadlineStopsTheChain) {
  const CompanyConfig c = Company();
  const Assignment a = DanaEstimate(c, "2026-03-10T10:00:00-05:00");
  const Timestamp later = At("2026-03-12T12:00:00-05:00");
  const auto steps_with = [&](const std::string& attempt) {
    return Escalations(c, Category::kActiveEstimate, a, At(attempt), later).size();
  };
  EXPECT_EQ(steps_with("2026-03-10T11:59:00-05:00"), 0u);
  EXPECT_EQ(steps_with("2026-03-10T12:00:00-05:00"), 0u);  // right at the deadline is in time
  EXPECT_EQ(steps_with("2026-03-10T13:00:00-05:00"), 1u);  // the backup made it
  EXPECT_EQ(steps_with("2026-03-10T15:00:00-05:00"), 2u);
}

TEST(Escalations, FreshBusinessDeadlineFromTheMomentOfEscalation) {
  const CompanyConfig c = Company();
  // Friday 14:00 -> due 16:00; escalated then with 2 business hours: 1 Friday, 1 Monday.
  const Assignment a = DanaEstimate(c, "2026-03-13T14:00:00-05:00");
  auto steps = Escalations(c, Category::kActiveEstimate, a, std::nullopt,
                           At("2026-03-16T12:00:00-05:00"));
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].new_deadline, At("2026-03-16T09:00:00-05:00"));
  EXPECT_EQ(steps[1].at, At("2026-03-16T09:00:00-05:00"));
  EXPECT_EQ(steps[1].new_deadline, At("2026-03-16T11:00:00-05:00"));
}

TEST(Escalations, BackupWhoIsTheCompanyOwnerEndsTheChainInOneStep) {
  CompanyConfig c = Company();
  Person* ana = nullptr;
  for (Person& p : c.team)
    if (p.name == "Ana Ruiz") ana = &p;
  ASSERT_NE(ana, nullptr);
  ana->days_off = {Date(2026, 3, 10)};
  auto a = Assign(c, AssignRequest{Category::kActiveEstimate, At("2026-03-10T10:00:00-05:00"),
                                   "hvac", ""},
                  {});
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->owner, "Lee Park");
  ASSERT_EQ(a->backup_owner, "Maria Owens");
  auto steps = Escalations(c, Category::kActiveEstimate, *a, std::nullopt,
                           At("2026-03-12T10:00:00-05:00"));
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].to, "Maria Owens");
}

TEST(Escalations, NothingWithoutOwnerDeadlineOrSomeoneToEscalateTo) {
  CompanyConfig c = Company();
  const Timestamp later = At("2026-04-01T00:00:00-05:00");
  EXPECT_TRUE(Escalations(c, Category::kSpam, Assignment{}, std::nullopt, later).empty());
  c.team = {testing_company::Member("Maria Owens", Role::kOwner)};
  auto solo = Assign(c, AssignRequest{Category::kRoutine, At("2026-03-10T10:00:00-05:00"), "", ""},
                     {});
  ASSERT_TRUE(solo.ok());
  EXPECT_TRUE(Escalations(c, Category::kRoutine, *solo, std::nullopt, later).empty());
}

}  // namespace
}  // namespace ringback
