// SendAfter: no call or text outside 08:00-21:00 (or a stricter state window) in the called
// person's own time, DST nights included; emergencies the person asked for are exempt.
// Expected instants are written by hand with their UTC offsets.
#include "assign/quiet_hours.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assign/test_company.h"
#include "identity/phone_timezone.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using testing_company::At;
using testing_company::Company;

const char kChicagoPhone[] = "+13125550142";
const char kNewYorkPhone[] = "+12125550142";
const char kMiamiPhone[] = "+13055550142";
const char kPanhandlePhone[] = "+18505550142";

PhoneZone ZoneOf(const char* phone) { return ZoneForPhone(phone, Company().time_zone); }

Timestamp Send(const CompanyConfig& config, const std::string& proposed, const char* phone) {
  return SendAfter(config, At(proposed), ZoneOf(phone), /*emergency_reply=*/false);
}

TEST(SendAfter, OneMinuteBeforeNineIsFineOneMinuteAfterWaitsForMorning) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Send(c, "2026-06-10T20:59:00-05:00", kChicagoPhone), At("2026-06-10T20:59:00-05:00"));
  EXPECT_EQ(Send(c, "2026-06-10T21:01:00-05:00", kChicagoPhone), At("2026-06-11T08:00:00-05:00"));
  // The end is exclusive: nine o'clock sharp is already too late.
  EXPECT_EQ(Send(c, "2026-06-10T21:00:00-05:00", kChicagoPhone), At("2026-06-11T08:00:00-05:00"));
}

TEST(SendAfter, EarlyMorningWaitsUntilEight) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Send(c, "2026-06-10T06:30:00-05:00", kChicagoPhone), At("2026-06-10T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-06-10T07:59:59-05:00", kChicagoPhone), At("2026-06-10T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-06-10T08:00:00-05:00", kChicagoPhone), At("2026-06-10T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-06-10T00:00:00-05:00", kChicagoPhone), At("2026-06-10T08:00:00-05:00"));
}

TEST(SendAfter, CompanyWindowIsUsed) {
  CompanyConfig c = Company();
  c.quiet_start_minute = 9 * 60;
  c.quiet_end_minute = 19 * 60 + 30;
  EXPECT_EQ(Send(c, "2026-06-10T08:30:00-05:00", kChicagoPhone), At("2026-06-10T09:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-06-10T19:45:00-05:00", kChicagoPhone), At("2026-06-11T09:00:00-05:00"));
}

TEST(SendAfter, StricterStateWindowAppliesInThatStateOnly) {
  CompanyConfig c = Company();
  c.state_quiet_hours["fl"] = {8 * 60, 20 * 60};  // Florida: 8 a.m. to 8 p.m.
  // 20:30 in Miami (Eastern) is allowed federally, not in Florida.
  EXPECT_EQ(Send(c, "2026-06-10T20:30:00-04:00", kMiamiPhone), At("2026-06-11T08:00:00-04:00"));
  EXPECT_EQ(Send(c, "2026-06-10T19:59:00-04:00", kMiamiPhone), At("2026-06-10T19:59:00-04:00"));
  // The same instant for a New York number is still calling time there.
  EXPECT_EQ(Send(c, "2026-06-10T20:30:00-04:00", kNewYorkPhone), At("2026-06-10T20:30:00-04:00"));
}

TEST(SendAfter, SpringForwardNightOpensAtEightDaylightTime) {
  const CompanyConfig c = Company();
  // Chicago moves from CST (-06:00) to CDT (-05:00) at 02:00 on 2026-03-08: the night is an
  // hour shorter, and adding ten hours to 22:00 would give 09:00.
  EXPECT_EQ(Send(c, "2026-03-07T22:00:00-06:00", kChicagoPhone), At("2026-03-08T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-03-08T01:30:00-06:00", kChicagoPhone), At("2026-03-08T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-03-08T03:15:00-05:00", kChicagoPhone), At("2026-03-08T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-03-08T20:59:00-05:00", kChicagoPhone), At("2026-03-08T20:59:00-05:00"));
}

TEST(SendAfter, FallBackNightOpensAtEightStandardTime) {
  const CompanyConfig c = Company();
  // Chicago goes from CDT back to CST at 02:00 on 2026-11-01: the night is an hour longer.
  EXPECT_EQ(Send(c, "2026-10-31T22:00:00-05:00", kChicagoPhone), At("2026-11-01T08:00:00-06:00"));
  // Both readings of the repeated 01:30 wait for the same morning.
  EXPECT_EQ(Send(c, "2026-11-01T01:30:00-05:00", kChicagoPhone), At("2026-11-01T08:00:00-06:00"));
  EXPECT_EQ(Send(c, "2026-11-01T01:30:00-06:00", kChicagoPhone), At("2026-11-01T08:00:00-06:00"));
  EXPECT_EQ(Send(c, "2026-11-01T21:30:00-06:00", kChicagoPhone), At("2026-11-02T08:00:00-06:00"));
}

TEST(SendAfter, NewYorkNumberOfAChicagoCompanyUsesNewYorkTime) {
  const CompanyConfig c = Company();
  // 07:30 in Chicago is 08:30 in New York: fine for the person called.
  EXPECT_EQ(Send(c, "2026-06-10T07:30:00-05:00", kNewYorkPhone), At("2026-06-10T07:30:00-05:00"));
  // 20:30 in Chicago is 21:30 in New York: wait until 08:00 there, 07:00 in Chicago.
  EXPECT_EQ(Send(c, "2026-06-10T20:30:00-05:00", kNewYorkPhone), At("2026-06-11T08:00:00-04:00"));
  EXPECT_EQ(Send(c, "2026-06-10T20:30:00-05:00", kNewYorkPhone), At("2026-06-11T07:00:00-05:00"));
}

TEST(SendAfter, UnknownRegionUsesTheCompanyZone) {
  const CompanyConfig c = Company();
  for (const char* phone : {"+18005550142", "+442079460000", ""}) {
    EXPECT_EQ(Send(c, "2026-06-10T07:00:00-05:00", phone), At("2026-06-10T08:00:00-05:00")) << phone;
  }
  PhoneZone typo;
  typo.zone = "America/Chicgo";
  EXPECT_EQ(SendAfter(c, At("2026-06-10T22:00:00-05:00"), typo, false), At("2026-06-11T08:00:00-05:00"));
}

TEST(SendAfter, AmbiguousAreaWaitsForBothZones) {
  const CompanyConfig c = Company();
  // 850 spans Central (Pensacola) and Eastern (Tallahassee) time.
  // 07:30 CDT is 08:30 in Tallahassee but still early in Pensacola.
  EXPECT_EQ(Send(c, "2026-06-10T07:30:00-05:00", kPanhandlePhone), At("2026-06-10T08:00:00-05:00"));
  // 20:30 CDT is fine in Pensacola but 21:30 in Tallahassee.
  EXPECT_EQ(Send(c, "2026-06-10T20:30:00-05:00", kPanhandlePhone), At("2026-06-11T08:00:00-05:00"));
  EXPECT_EQ(Send(c, "2026-06-10T19:30:00-05:00", kPanhandlePhone), At("2026-06-10T19:30:00-05:00"));
}

TEST(SendAfter, EmergencyReplyToTheirOwnRequestIsExempt) {
  const CompanyConfig c = Company();
  const Timestamp two_am = At("2026-06-10T02:00:00-05:00");
  EXPECT_EQ(SendAfter(c, two_am, ZoneOf(kChicagoPhone), /*emergency_reply=*/true), two_am);
  EXPECT_EQ(SendAfter(c, two_am, ZoneOf(kChicagoPhone), /*emergency_reply=*/false),
            At("2026-06-10T08:00:00-05:00"));
}

TEST(CallingWindowFor, StateNarrowsButNeverWidens) {
  CompanyConfig c = Company();
  c.quiet_start_minute = 9 * 60;
  c.state_quiet_hours["FL"] = {8 * 60, 20 * 60};
  CallingWindow fl = CallingWindowFor(c, "FL");
  EXPECT_EQ(fl.start_minute, 9 * 60);
  EXPECT_EQ(fl.end_minute, 20 * 60);
  EXPECT_THAT(fl.source, HasSubstr("FL quiet hours 08:00-20:00"));
  CallingWindow tx = CallingWindowFor(c, "TX");
  EXPECT_EQ(tx.start_minute, 9 * 60);
  EXPECT_EQ(tx.end_minute, 21 * 60);
}

TEST(CallingWindowFor, BrokenCompanyWindowFallsBackToTheFederalOne) {
  CompanyConfig c = Company();
  c.quiet_start_minute = 22 * 60;
  c.quiet_end_minute = 7 * 60;
  CallingWindow w = CallingWindowFor(c, "");
  EXPECT_EQ(w.start_minute, 8 * 60);
  EXPECT_EQ(w.end_minute, 21 * 60);
}

TEST(IsCallingTime, JudgesInThePersonsZone) {
  const CompanyConfig c = Company();
  EXPECT_TRUE(IsCallingTime(c, At("2026-06-10T20:30:00-05:00"), ZoneOf(kChicagoPhone)));
  EXPECT_FALSE(IsCallingTime(c, At("2026-06-10T20:30:00-05:00"), ZoneOf(kNewYorkPhone)));
}

}  // namespace
}  // namespace ringback
