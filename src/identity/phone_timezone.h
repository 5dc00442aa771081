// Where a phone number's owner probably is, in time: the IANA zone of the US state or
// Canadian province the number was issued in. Quiet hours are judged at the called party's
// location, and the number is the only location Ringback has.
//
// libphonenumber's offline geocoder (C++) names the region ("Austin, TX", "Texas",
// "Ontario"); a small table in phone_timezone.cc maps it to a zone. The number's area code
// refines states that span two zones (915 is El Paso, Mountain time). A mobile number moves
// with its owner, so this is a presumption, the same one the rules on calling hours make.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ringback {

struct PhoneZone {
  std::string zone;   // IANA name: the number's zone, or the fallback
  std::string state;  // "TX", "ON", "PR"; empty when the region is unknown
  // True when the area the number belongs to spans more than one zone; `zone` is where most
  // of it is and `other_zones` the rest, so a careful caller can respect all of them.
  bool ambiguous = false;
  std::vector<std::string> other_zones;
  std::string reason;  // "area code 512 is in Texas: America/Chicago"
};

// The zone for `e164` ("+15125550142"). Unknown region (not a valid number, toll-free,
// outside the US/Canada/US territories) gives `fallback_zone` (the company's) with a reason.
PhoneZone ZoneForPhone(std::string_view e164, const std::string& fallback_zone);

// One row of the built-in region table, exposed so tests can check every zone name exists.
struct RegionZone {
  const char* code;         // "TX"
  const char* names;        // geocoder names, '|'-separated: "Texas"
  const char* zone;         // where most of it is
  const char* other_zones;  // '|'-separated; "" when the region has one zone
  const char* note;         // where the other zones are
};
const std::vector<RegionZone>& RegionZones();

// Area codes that fix or narrow the zone inside a split region.
struct AreaCodeZone {
  int area_code;            // 915
  const char* state;        // "TX"
  const char* zone;         // "America/Denver"
  const char* other_zones;  // "" when the whole area code is in `zone`
  const char* place;        // "El Paso"
};
const std::vector<AreaCodeZone>& AreaCodeZones();

}  // namespace ringback
