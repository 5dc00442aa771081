// Assign: who owns each kind of opportunity, who backs them up, by when, and what to do.
#include "assign/assigner.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "assign/local_time.h"
#include "assign/test_company.h"

namespace ringback {
namespace {

using testing_company::At;
using testing_company::Company;
using testing_company::Date;
using testing_company::Member;

Person* Find(CompanyConfig& c, const std::string& name) {
  for (Person& p : c.team)
    if (p.name == name) return &p;
  ADD_FAILURE() << "no " << name;
  return nullptr;
}

Assignment AssignAt(const CompanyConfig& c, Category cat, const std::string& received,
               const std::string& trade = "", const std::string& author = "",
               const std::map<std::string, int>& open_work = {}) {
  auto a = Assign(c, AssignRequest{cat, At(received), trade, author}, open_work);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Assignment{};
}

bool AnyReasonHas(const Assignment& a, const std::string& text) {
  return std::any_of(a.reasons.begin(), a.reasons.end(),
                     [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

TEST(AssignEmergency, GoesToWhoeverIsOnCallDayOrNight) {
  const CompanyConfig c = Company();
  // Sunday 02:10 in Kim's week; a 15-minute clock deadline, even at night.
  Assignment a = AssignAt(c, Category::kEmergency, "2026-03-15T02:10:00-05:00", "hvac");
  EXPECT_EQ(a.owner, "Kim Tran");
  EXPECT_EQ(a.deadline, At("2026-03-15T02:25:00-05:00"));
  EXPECT_EQ(a.next_action, "Call within 15 min; if no answer, text the urgent note");
  EXPECT_TRUE(AnyReasonHas(a, "on call")) << ::testing::PrintToString(a.reasons);
}

TEST(AssignEmergency, OnCallCountsEvenOnAVacationDay) {
  CompanyConfig c = Company();
  Find(c, "Kim Tran")->days_off = {Date(2026, 3, 15)};
  Assignment a = AssignAt(c, Category::kEmergency, "2026-03-15T02:10:00-05:00", "roofing");
  EXPECT_EQ(a.owner, "Kim Tran");
  EXPECT_NE(a.backup_owner, "Kim Tran");
}

TEST(AssignEmergency, DispatcherWhenNobodyOnCallOrOnCallUnknown) {
  CompanyConfig c = Company();
  c.on_call = OnCall{};
  EXPECT_EQ(AssignAt(c, Category::kEmergency, "2026-03-15T02:10:00-05:00").owner, "Ana Ruiz");
  c.on_call.rotation = {"Someone Who Left"};
  Assignment a = AssignAt(c, Category::kEmergency, "2026-03-15T02:10:00-05:00");
  EXPECT_EQ(a.owner, "Ana Ruiz");
  EXPECT_TRUE(AnyReasonHas(a, "Someone Who Left"));
}

TEST(AssignEstimate, EstimateAuthorPreferredOverLessBusyColleague) {
  const CompanyConfig c = Company();
  Assignment a = AssignAt(c, Category::kOldEstimate, "2026-03-10T10:00:00-05:00", "roofing",
                     "  dana COLE ", {{"Dana Cole", 9}, {"Sam Ortiz", 0}});
  EXPECT_EQ(a.owner, "Dana Cole");
  EXPECT_EQ(a.backup_owner, "Sam Ortiz");  // same role and trade
  EXPECT_TRUE(AnyReasonHas(a, "wrote the estimate"));
  // old_estimate default: one business day.
  EXPECT_EQ(a.deadline, At("2026-03-11T10:00:00-05:00"));
}

TEST(AssignEstimate, AuthorWhoIsNotAnEstimatorIsIgnored) {
  const CompanyConfig c = Company();
  Assignment a = AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "hvac",
                     "Ana Ruiz");
  EXPECT_EQ(a.owner, "Lee Park");
  EXPECT_TRUE(AnyReasonHas(a, "not an estimator"));
  EXPECT_EQ(a.deadline, At("2026-03-10T12:00:00-05:00"));  // 2h business
}

TEST(AssignEstimate, AuthorOnVacationIsSkipped) {
  CompanyConfig c = Company();
  // Deadline is Wednesday 2026-03-11 10:00; Dana is off that day.
  Find(c, "Dana Cole")->days_off = {Date(2026, 3, 11), Date(2026, 3, 12)};
  Assignment a = AssignAt(c, Category::kOldEstimate, "2026-03-10T10:00:00-05:00", "roofing",
                     "Dana Cole");
  EXPECT_EQ(a.owner, "Sam Ortiz");
  EXPECT_NE(a.backup_owner, "Dana Cole");
  EXPECT_TRUE(AnyReasonHas(a, "Dana Cole is off"));
}

TEST(AssignEstimate, TradeMatchBeatsLessOpenWork) {
  const CompanyConfig c = Company();
  Assignment a = AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "HVAC", "",
                     {{"Lee Park", 7}, {"Dana Cole", 0}, {"Sam Ortiz", 0}});
  EXPECT_EQ(a.owner, "Lee Park");
}

TEST(AssignEstimate, LeastOpenWorkWinsAmongEqualsThenRosterOrder) {
  const CompanyConfig c = Company();
  EXPECT_EQ(AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "roofing", "",
                {{"Dana Cole", 3}, {"Sam Ortiz", 1}})
                .owner,
            "Sam Ortiz");
  EXPECT_EQ(AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "roofing", "",
                {{"Dana Cole", 2}, {"Sam Ortiz", 2}})
                .owner,
            "Dana Cole");
  // Missing from the map counts as zero.
  EXPECT_EQ(AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "roofing", "",
                {{"Dana Cole", 1}})
                .owner,
            "Sam Ortiz");
}

TEST(AssignEstimate, NoEstimatorsFallsBackToDispatcher) {
  CompanyConfig c = Company();
  std::erase_if(c.team, [](const Person& p) { return p.role == Role::kEstimator; });
  EXPECT_EQ(AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "roofing").owner,
            "Ana Ruiz");
}

TEST(AssignWarranty, ServiceLeadThenTechnicianForTheTrade) {
  const CompanyConfig c = Company();
  Assignment hvac = AssignAt(c, Category::kWarranty, "2026-03-10T10:00:00-05:00", "hvac");
  EXPECT_EQ(hvac.owner, "Luis Mendez");
  EXPECT_EQ(hvac.deadline, At("2026-03-10T14:00:00-05:00"));  // 4h business
  // No roofing service lead: a roofing technician (Pat covers every trade).
  EXPECT_EQ(AssignAt(c, Category::kWarranty, "2026-03-10T10:00:00-05:00", "roofing", "",
                {{"Kim Tran", 4}})
                .owner,
            "Pat Young");
  CompanyConfig no_techs = Company();
  std::erase_if(no_techs.team, [](const Person& p) { return p.role == Role::kTechnician; });
  EXPECT_EQ(AssignAt(no_techs, Category::kWarranty, "2026-03-10T10:00:00-05:00", "hvac").owner,
            "Ana Ruiz");
}

TEST(AssignRoutine, RoutineAndUnknownGoToTheOffice) {
  const CompanyConfig c = Company();
  Assignment routine = AssignAt(c, Category::kRoutine, "2026-03-10T10:00:00-05:00", "plumbing");
  EXPECT_EQ(routine.owner, "Ana Ruiz");
  EXPECT_EQ(routine.backup_owner, "Ben Clark");  // dispatcher and office do the same work
  Assignment unknown = AssignAt(c, Category::kUnknown, "2026-03-10T10:00:00-05:00", "",
                           "", {{"Ana Ruiz", 5}});
  EXPECT_EQ(unknown.owner, "Ben Clark");
  EXPECT_EQ(unknown.deadline, At("2026-03-10T12:00:00-05:00"));
}

TEST(AssignRoutine, FridayEveningRoutineIsDueMondayClose) {
  const CompanyConfig c = Company();
  Assignment a = AssignAt(c, Category::kRoutine, "2026-03-13T18:30:00-05:00");
  EXPECT_EQ(a.deadline, At("2026-03-16T17:00:00-05:00"));
}

TEST(AssignNonOpportunity, SpamStopDuplicateGetNothingButAReason) {
  const CompanyConfig c = Company();
  for (Category cat : {Category::kSpam, Category::kStop, Category::kDuplicate}) {
    auto a = Assign(c, AssignRequest{cat, At("2026-03-10T10:00:00-05:00"), "roofing", ""}, {});
    ASSERT_TRUE(a.ok()) << CategoryName(cat);
    EXPECT_TRUE(a->owner.empty());
    EXPECT_TRUE(a->backup_owner.empty());
    EXPECT_TRUE(a->next_action.empty());
    EXPECT_FALSE(a->deadline.has_value());
    EXPECT_FALSE(a->reasons.empty());
  }
}

TEST(AssignAvailability, PersonOffByOwnHoursAtDeadlineIsSkipped) {
  CompanyConfig c = Company();
  Person* ana = Find(c, "Ana Ruiz");
  ana->has_own_hours = true;
  for (int day = 1; day <= 5; ++day) ana->hours[day] = DayHours{8 * 60, 12 * 60};
  // Routine Tuesday 14:00 is due Wednesday 14:00; Ana works mornings only.
  Assignment a = AssignAt(c, Category::kRoutine, "2026-03-10T14:00:00-05:00");
  EXPECT_EQ(a.owner, "Ben Clark");
  EXPECT_NE(a.backup_owner, "Ana Ruiz");
  // Due Wednesday 10:00: Ana is working.
  EXPECT_EQ(AssignAt(c, Category::kRoutine, "2026-03-10T10:00:00-05:00").owner, "Ana Ruiz");
}

TEST(AssignAvailability, ClosingTimeDeadlineStillCountsAsWorking) {
  CompanyConfig c = Company();
  Person* ana = Find(c, "Ana Ruiz");
  ana->has_own_hours = true;
  for (int day = 1; day <= 5; ++day) ana->hours[day] = DayHours{8 * 60, 17 * 60};
  Assignment a = AssignAt(c, Category::kRoutine, "2026-03-13T18:30:00-05:00");  // due Mon 17:00
  EXPECT_EQ(a.owner, "Ana Ruiz");
  EXPECT_FALSE(IsOffAt(c, *ana, At("2026-03-16T17:00:00-05:00")));
  EXPECT_TRUE(IsOffAt(c, *ana, At("2026-03-16T17:01:00-05:00")));
}

TEST(AssignAvailability, EveryoneOffStillGetsAnOwner) {
  CompanyConfig c = Company();
  for (Person& p : c.team) p.days_off = {Date(2026, 3, 11)};
  Assignment a = AssignAt(c, Category::kRoutine, "2026-03-10T10:00:00-05:00");
  EXPECT_FALSE(a.owner.empty());
  EXPECT_NE(a.owner, a.backup_owner);
  EXPECT_TRUE(AnyReasonHas(a, "off at the deadline"));
}

TEST(AssignBackup, FallsBackToDispatcherThenCompanyOwner) {
  CompanyConfig c = Company();
  const auto backup = [&] {
    return AssignAt(c, Category::kActiveEstimate, "2026-03-10T10:00:00-05:00", "hvac")
        .backup_owner;
  };
  // Lee is the only hvac estimator: backup is the dispatcher.
  EXPECT_EQ(backup(), "Ana Ruiz");
  Find(c, "Ana Ruiz")->days_off = {Date(2026, 3, 10)};
  EXPECT_EQ(backup(), "Maria Owens");
}

TEST(AssignBackup, EmptyOnlyForAOnePersonTeam) {
  CompanyConfig c = Company();
  c.team = {Member("Maria Owens", Role::kOwner)};
  Assignment solo = AssignAt(c, Category::kRoutine, "2026-03-10T10:00:00-05:00");
  EXPECT_EQ(solo.owner, "Maria Owens");
  EXPECT_EQ(solo.backup_owner, "");
  c.team.push_back(Member("Ty Webb", Role::kTechnician, {"plumbing"}));
  Assignment pair = AssignAt(c, Category::kRoutine, "2026-03-10T10:00:00-05:00");
  EXPECT_EQ(pair.owner, "Maria Owens");
  EXPECT_EQ(pair.backup_owner, "Ty Webb");
}

TEST(AssignBackup, OwnerNeverEqualsBackupAcrossCategoriesTradesAndTimes) {
  CompanyConfig c = Company();
  Find(c, "Sam Ortiz")->days_off = {Date(2026, 3, 11), Date(2026, 3, 12)};
  Find(c, "Ana Ruiz")->days_off = {Date(2026, 3, 16)};
  c.on_call.ranges.push_back(
      {"ben clark", At("2026-03-13T17:00:00-05:00"), At("2026-03-16T08:00:00-05:00")});
  const std::vector<std::map<std::string, int>> loads = {
      {}, {{"Dana Cole", 5}, {"Ana Ruiz", 3}}, {{"Sam Ortiz", 9}, {"Ben Clark", 2}}};
  int checked = 0;
  for (Category cat : {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
                       Category::kWarranty, Category::kRoutine, Category::kUnknown}) {
    for (const char* trade : {"", "roofing", "hvac", "plumbing"}) {
      for (const char* author : {"", "Dana Cole", "Lee Park"}) {
        for (int hour = 0; hour < 14 * 24; hour += 5) {
          const Timestamp t = At("2026-03-08T00:00:00-06:00") + std::chrono::hours(hour);
          const auto& load = loads[static_cast<std::size_t>(hour) % loads.size()];
          auto a = Assign(c, AssignRequest{cat, t, trade, author}, load);
          ASSERT_TRUE(a.ok()) << a.status().ToString();
          SCOPED_TRACE(std::string(CategoryName(cat)) + " " + trade + " " + FormatUtc(t));
          ASSERT_FALSE(a->owner.empty());
          ASSERT_FALSE(a->backup_owner.empty());
          ASSERT_NE(assign_internal::NormalizeName(a->owner),
                    assign_internal::NormalizeName(a->backup_owner));
          ASSERT_TRUE(a->deadline.has_value());
          ASSERT_GE(*a->deadline, t);
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 4000);
}

TEST(AssignConfig, CompanySlaAndNextActionAreUsed) {
  CompanyConfig c = Company();
  c.sla[Category::kWarranty] = Sla{std::chrono::hours(1), false};
  c.next_action[Category::kWarranty] = "Text the warranty form link";
  Assignment a = AssignAt(c, Category::kWarranty, "2026-03-14T22:00:00-05:00", "hvac");
  EXPECT_EQ(a.deadline, At("2026-03-14T23:00:00-05:00"));
  EXPECT_EQ(a.next_action, "Text the warranty form link");
}

TEST(AssignErrors, UnknownZoneOrEmptyTeam) {
  CompanyConfig c = Company();
  c.time_zone = "Nowhere/Land";
  EXPECT_FALSE(
      Assign(c, AssignRequest{Category::kRoutine, At("2026-03-10T10:00:00-05:00"), "", ""}, {})
          .ok());
  c = Company();
  c.team.clear();
  auto a = Assign(c, AssignRequest{Category::kRoutine, At("2026-03-10T10:00:00-05:00"), "", ""},
                  {});
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("no one on the team"), std::string::npos);
}

}  // namespace
}  // namespace ringback
