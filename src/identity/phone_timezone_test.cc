// ZoneForPhone: a number's zone from its geocoded state or province, area codes that settle
// split states, honest "ambiguous" where they do not, and the company's zone otherwise.
#include "identity/phone_timezone.h"

#include <date/tz.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ringback {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kCompanyZone = "America/Chicago";

TEST(ZoneForPhone, AustinNumberIsCentralTime) {
  PhoneZone z = ZoneForPhone("+15125550142", kCompanyZone);
  EXPECT_EQ(z.zone, "America/Chicago");
  EXPECT_EQ(z.state, "TX");
  EXPECT_FALSE(z.ambiguous);
  EXPECT_THAT(z.reason, HasSubstr("512"));
}

TEST(ZoneForPhone, NewYorkNumberForAChicagoCompanyIsEastern) {
  PhoneZone z = ZoneForPhone("+12125550142", kCompanyZone);
  EXPECT_EQ(z.zone, "America/New_York");
  EXPECT_EQ(z.state, "NY");
  EXPECT_FALSE(z.ambiguous);
  EXPECT_THAT(z.other_zones, IsEmpty());
}

TEST(ZoneForPhone, ElPasoAreaCodeIsMountainNotTexasCentral) {
  PhoneZone z = ZoneForPhone("+19155550142", kCompanyZone);
  EXPECT_EQ(z.zone, "America/Denver");
  EXPECT_EQ(z.state, "TX");
  EXPECT_FALSE(z.ambiguous);
  EXPECT_THAT(z.reason, HasSubstr("El Paso"));
}

TEST(ZoneForPhone, FloridaPanhandleIsAmbiguousAndSaysSo) {
  PhoneZone z = ZoneForPhone("+18505550142", "America/Denver");
  EXPECT_EQ(z.state, "FL");
  EXPECT_TRUE(z.ambiguous);
  EXPECT_EQ(z.zone, "America/Chicago");
  EXPECT_THAT(z.other_zones, ElementsAre("America/New_York"));
  EXPECT_THAT(z.reason, HasSubstr("panhandle"));
}

TEST(ZoneForPhone, RestOfFloridaIsPlainEastern) {
  PhoneZone z = ZoneForPhone("+13055550142", kCompanyZone);
  EXPECT_EQ(z.zone, "America/New_York");
  EXPECT_EQ(z.state, "FL");
  EXPECT_FALSE(z.ambiguous);
}

TEST(ZoneForPhone, StateWithOneAreaCodeAcrossTwoZonesIsAmbiguous) {
  PhoneZone z = ZoneForPhone("+16055550142", "America/New_York");  // South Dakota
  EXPECT_EQ(z.state, "SD");
  EXPECT_EQ(z.zone, "America/Chicago");
  EXPECT_TRUE(z.ambiguous);
  EXPECT_THAT(z.other_zones, ElementsAre("America/Denver"));
  EXPECT_THAT(z.reason, HasSubstr("Mountain"));
}

TEST(ZoneForPhone, CityDescriptionsAreReadByTheirStateCode) {
  // 972-222 is geocoded as a Dallas-area city ("..., TX"), not just "Texas".
  PhoneZone z = ZoneForPhone("+19722221234", "America/New_York");
  EXPECT_EQ(z.state, "TX");
  EXPECT_EQ(z.zone, "America/Chicago");
  EXPECT_THAT(z.reason, HasSubstr(", TX"));
}

TEST(ZoneForPhone, CanadianProvinces) {
  EXPECT_EQ(ZoneForPhone("+14165550142", kCompanyZone).zone, "America/Toronto");
  EXPECT_EQ(ZoneForPhone("+14165550142", kCompanyZone).state, "ON");
  EXPECT_EQ(ZoneForPhone("+16045550142", kCompanyZone).zone, "America/Vancouver");
  EXPECT_FALSE(ZoneForPhone("+16045550142", kCompanyZone).ambiguous);
  EXPECT_EQ(ZoneForPhone("+14035550142", kCompanyZone).zone, "America/Edmonton");
}

TEST(ZoneForPhone, ArizonaAndHawaiiKeepTheirOwnZones) {
  EXPECT_EQ(ZoneForPhone("+16025550142", kCompanyZone).zone, "America/Phoenix");
  EXPECT_FALSE(ZoneForPhone("+16025550142", kCompanyZone).ambiguous);
  EXPECT_EQ(ZoneForPhone("+18085550142", kCompanyZone).zone, "Pacific/Honolulu");
  EXPECT_EQ(ZoneForPhone("+12025550142", kCompanyZone).state, "DC");
}

TEST(ZoneForPhone, TollFreeNumberFallsBackToTheCompanyZone) {
  PhoneZone z = ZoneForPhone("+18005550142", "America/Denver");
  EXPECT_EQ(z.zone, "America/Denver");
  EXPECT_THAT(z.state, IsEmpty());
  EXPECT_FALSE(z.ambiguous);
  EXPECT_THAT(z.reason, HasSubstr("company"));
}

TEST(ZoneForPhone, NumberOutsideNorthAmericaFallsBack) {
  PhoneZone z = ZoneForPhone("+442079460000", kCompanyZone);
  EXPECT_EQ(z.zone, kCompanyZone);
  EXPECT_THAT(z.state, IsEmpty());
  EXPECT_THAT(z.reason, HasSubstr("outside North America"));
}

TEST(ZoneForPhone, InvalidOrEmptyNumberFallsBack) {
  for (const char* bad : {"", "5125550142", "+15555550100", "not a phone"}) {
    PhoneZone z = ZoneForPhone(bad, kCompanyZone);
    EXPECT_EQ(z.zone, kCompanyZone) << bad;
    EXPECT_THAT(z.state, IsEmpty()) << bad;
    EXPECT_THAT(z.reason, HasSubstr("not a valid")) << bad;
  }
}

// A typo in the table would silently send people to UTC; every zone must exist.
TEST(RegionZones, EveryZoneNameIsInTheTimeZoneDatabase) {
  auto check = [](const std::string& zone) {
    EXPECT_NO_THROW(date::locate_zone(zone)) << zone;
  };
  std::set<std::string> codes;
  for (const RegionZone& r : RegionZones()) {
    EXPECT_TRUE(codes.insert(r.code).second) << "duplicate " << r.code;
    check(r.zone);
    std::string others = r.other_zones;
    for (std::size_t start = 0; start < others.size();) {
      std::size_t bar = others.find('|', start);
      if (bar == std::string::npos) bar = others.size();
      check(others.substr(start, bar - start));
      start = bar + 1;
    }
    EXPECT_EQ(std::string(r.other_zones).empty(), std::string(r.note).empty()) << r.code;
  }
  for (const AreaCodeZone& a : AreaCodeZones()) {
    check(a.zone);
    EXPECT_EQ(codes.count(a.state), 1u) << a.area_code;
  }
  EXPECT_EQ(codes.size(), 51u + 5u + 13u);  // states and DC, territories, provinces
}

}  // namespace
}  // namespace ringback
