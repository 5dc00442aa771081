#include "identity/phone_timezone.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/shared_cache.h"

namespace ringback {
namespace {

using i18n::phonenumbers::PhoneNumberOfflineGeocoder;
using i18n::phonenumbers::PhoneNumberUtil;

// Regions the geocoder names for North American numbers. `zone` is where most people of the
// region live; `other_zones` the parts on other time (official boundaries, not local habit).
const std::vector<RegionZone> kRegions = {
    // United States
    {"AL", "Alabama", "America/Chicago", "", ""},
    {"AK", "Alaska", "America/Anchorage", "America/Adak", "the western Aleutians are on Hawaii-Aleutian time"},
    {"AZ", "Arizona", "America/Phoenix", "America/Denver", "the Navajo Nation keeps daylight time"},
    {"AR", "Arkansas", "America/Chicago", "", ""},
    {"CA", "California", "America/Los_Angeles", "", ""},
    {"CO", "Colorado", "America/Denver", "", ""},
    {"CT", "Connecticut", "America/New_York", "", ""},
    {"DE", "Delaware", "America/New_York", "", ""},
    {"DC", "Washington D.C.|District of Columbia", "America/New_York", "", ""},
    {"FL", "Florida", "America/New_York", "America/Chicago", "the western panhandle is on Central time"},
    {"GA", "Georgia", "America/New_York", "", ""},
    {"HI", "Hawaii", "Pacific/Honolulu", "", ""},
    {"ID", "Idaho", "America/Boise", "America/Los_Angeles", "the northern panhandle is on Pacific time"},
    {"IL", "Illinois", "America/Chicago", "", ""},
    {"IN", "Indiana", "America/Indiana/Indianapolis", "America/Chicago",
     "the northwest and southwest corners are on Central time"},
    {"IA", "Iowa", "America/Chicago", "", ""},
    {"KS", "Kansas", "America/Chicago", "America/Denver", "four western counties are on Mountain time"},
    {"KY", "Kentucky", "America/Kentucky/Louisville", "America/Chicago", "the western half is on Central time"},
    {"LA", "Louisiana", "America/Chicago", "", ""},
    {"ME", "Maine", "America/New_York", "", ""},
    {"MD", "Maryland", "America/New_York", "", ""},
    {"MA", "Massachusetts", "America/New_York", "", ""},
    {"MI", "Michigan", "America/Detroit", "America/Menominee",
     "four Upper Peninsula counties are on Central time"},
    {"MN", "Minnesota", "America/Chicago", "", ""},
    {"MS", "Mississippi", "America/Chicago", "", ""},
    {"MO", "Missouri", "America/Chicago", "", ""},
    {"MT", "Montana", "America/Denver", "", ""},
    {"NE", "Nebraska", "America/Chicago", "America/Denver", "the western panhandle is on Mountain time"},
    {"NV", "Nevada", "America/Los_Angeles", "America/Denver", "West Wendover is on Mountain time"},
    {"NH", "New Hampshire", "America/New_York", "", ""},
    {"NJ", "New Jersey", "America/New_York", "", ""},
    {"NM", "New Mexico", "America/Denver", "", ""},
    {"NY", "New York", "America/New_York", "", ""},
    {"NC", "North Carolina", "America/New_York", "", ""},
    {"ND", "North Dakota", "America/Chicago", "America/Denver", "the southwest is on Mountain time"},
    {"OH", "Ohio", "America/New_York", "", ""},
    {"OK", "Oklahoma", "America/Chicago", "", ""},
    {"OR", "Oregon", "America/Los_Angeles", "America/Boise", "most of Malheur County is on Mountain time"},
    {"PA", "Pennsylvania", "America/New_York", "", ""},
    {"RI", "Rhode Island", "America/New_York", "", ""},
    {"SC", "South Carolina", "America/New_York", "", ""},
    {"SD", "South Dakota", "America/Chicago", "America/Denver", "the western half is on Mountain time"},
    {"TN", "Tennessee", "America/Chicago", "America/New_York", "East Tennessee is on Eastern time"},
    {"TX", "Texas", "America/Chicago", "America/Denver", "El Paso and Hudspeth counties are on Mountain time"},
    {"UT", "Utah", "America/Denver", "", ""},
    {"VT", "Vermont", "America/New_York", "", ""},
    {"VA", "Virginia", "America/New_York", "", ""},
    {"WA", "Washington State|Washington", "America/Los_Angeles", "", ""},
    {"WV", "West Virginia", "America/New_York", "", ""},
    {"WI", "Wisconsin", "America/Chicago", "", ""},
    {"WY", "Wyoming", "America/Denver", "", ""},
    // US territories in the North American numbering plan
    {"PR", "Puerto Rico", "America/Puerto_Rico", "", ""},
    {"VI", "U.S. Virgin Islands|US Virgin Islands", "America/St_Thomas", "", ""},
    {"GU", "Guam", "Pacific/Guam", "", ""},
    {"MP", "Northern Mariana Islands", "Pacific/Saipan", "", ""},
    {"AS", "American Samoa", "Pacific/Pago_Pago", "", ""},
    // Canada
    {"AB", "Alberta", "America/Edmonton", "", ""},
    {"BC", "British Columbia", "America/Vancouver", "America/Edmonton|America/Dawson_Creek",
     "the East Kootenay and the northeast are on Mountain time"},
    {"MB", "Manitoba", "America/Winnipeg", "", ""},
    {"NB", "New Brunswick", "America/Moncton", "", ""},
    {"NL", "Newfoundland and Labrador|Newfoundland", "America/St_Johns", "America/Goose_Bay",
     "most of Labrador is on Atlantic time"},
    {"NS", "Nova Scotia", "America/Halifax", "", ""},
    {"NT", "Northwest Territories|Northwest Territories/Nunavut/Yukon", "America/Yellowknife",
     "America/Whitehorse|America/Iqaluit|America/Rankin_Inlet",
     "area code 867 serves all three territories, across four zones"},
    {"NU", "Nunavut", "America/Iqaluit", "America/Rankin_Inlet|America/Cambridge_Bay",
     "Nunavut spans Eastern, Central and Mountain time"},
    {"ON", "Ontario", "America/Toronto", "America/Winnipeg", "the far northwest is on Central time"},
    {"PE", "Prince Edward Island", "America/Halifax", "", ""},
    {"QC", "Quebec|Québec", "America/Toronto", "America/Halifax|America/Blanc-Sablon",
     "the Magdalen Islands and the Lower North Shore are on Atlantic time"},
    {"SK", "Saskatchewan", "America/Regina", "America/Edmonton", "Lloydminster keeps Alberta time"},
    {"YT", "Yukon", "America/Whitehorse", "", ""},
};

// Area codes inside split regions. A split region listed here has its other area codes wholly
// in its main zone; a split region with no rows (one area code for all of it) stays ambiguous.
const std::vector<AreaCodeZone> kAreaCodes = {
    {915, "TX", "America/Denver", "", "El Paso"},
    {850, "FL", "America/Chicago", "America/New_York", "the panhandle (Pensacola to Panama City Central, Tallahassee Eastern)"},
    {448, "FL", "America/Chicago", "America/New_York", "the panhandle (Pensacola to Panama City Central, Tallahassee Eastern)"},
    {928, "AZ", "America/Phoenix", "America/Denver", "northern Arizona, with the Navajo Nation"},
    {219, "IN", "America/Chicago", "America/Indiana/Indianapolis", "northwest Indiana"},
    {574, "IN", "America/Indiana/Indianapolis", "America/Chicago", "north central Indiana (Starke County is Central)"},
    {812, "IN", "America/Indiana/Indianapolis", "America/Chicago", "southern Indiana (the Evansville area is Central)"},
    {930, "IN", "America/Indiana/Indianapolis", "America/Chicago", "southern Indiana (the Evansville area is Central)"},
    {785, "KS", "America/Chicago", "America/Denver", "northern Kansas (Sherman and Wallace counties are Mountain)"},
    {620, "KS", "America/Chicago", "America/Denver", "southern Kansas (Greeley and Hamilton counties are Mountain)"},
    {270, "KY", "America/Chicago", "America/Kentucky/Louisville", "western Kentucky"},
    {364, "KY", "America/Chicago", "America/Kentucky/Louisville", "western Kentucky"},
    {606, "KY", "America/Kentucky/Louisville", "America/Chicago", "eastern Kentucky"},
    {906, "MI", "America/Detroit", "America/Menominee", "the Upper Peninsula"},
    {308, "NE", "America/Chicago", "America/Denver", "western Nebraska"},
    {775, "NV", "America/Los_Angeles", "America/Denver", "northern Nevada (West Wendover is Mountain)"},
    {541, "OR", "America/Los_Angeles", "America/Boise", "eastern and southern Oregon"},
    {458, "OR", "America/Los_Angeles", "America/Boise", "eastern and southern Oregon"},
    {423, "TN", "America/New_York", "America/Chicago", "east Tennessee (Marion, Sequatchie, Bledsoe are Central)"},
    {865, "TN", "America/New_York", "", "Knoxville"},
    {250, "BC", "America/Vancouver", "America/Edmonton|America/Dawson_Creek", "British Columbia outside Vancouver"},
    {778, "BC", "America/Vancouver", "America/Edmonton|America/Dawson_Creek", "British Columbia (province-wide)"},
    {236, "BC", "America/Vancouver", "America/Edmonton|America/Dawson_Creek", "British Columbia (province-wide)"},
    {672, "BC", "America/Vancouver", "America/Edmonton|America/Dawson_Creek", "British Columbia (province-wide)"},
    {807, "ON", "America/Toronto", "America/Winnipeg", "northwestern Ontario"},
    {418, "QC", "America/Toronto", "America/Halifax|America/Blanc-Sablon", "eastern Quebec"},
    {581, "QC", "America/Toronto", "America/Halifax|America/Blanc-Sablon", "eastern Quebec"},
    {367, "QC", "America/Toronto", "America/Halifax|America/Blanc-Sablon", "eastern Quebec"},
};

std::vector<std::string> SplitBars(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t bar = text.find('|');
    out.emplace_back(text.substr(0, bar));
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The region a geocoder description names: "Austin, TX" by its code, "Texas" by its name.
const RegionZone* FindRegion(std::string_view description) {
  const std::size_t comma = description.rfind(", ");
  if (comma != std::string_view::npos) {
    std::string_view code = description.substr(comma + 2);
    for (const RegionZone& r : kRegions)
      if (code == r.code) return &r;
  }
  for (const RegionZone& r : kRegions)
    for (const std::string& name : SplitBars(r.names))
      if (EqualsIgnoreCase(name, description)) return &r;
  return nullptr;
}

const AreaCodeZone* FindAreaCode(int area_code, std::string_view state) {
  for (const AreaCodeZone& a : kAreaCodes)
    if (a.area_code == area_code && state == a.state) return &a;
  return nullptr;
}

bool HasAreaCodeRows(std::string_view state) {
  return std::any_of(kAreaCodes.begin(), kAreaCodes.end(), [&](const AreaCodeZone& a) { return state == a.state; });
}

// The geocoder loads its tables once; it locks internally, so one instance serves all threads.
const PhoneNumberOfflineGeocoder& Geocoder() {
  static const PhoneNumberOfflineGeocoder* geocoder = new PhoneNumberOfflineGeocoder();
  return *geocoder;
}

PhoneZone Fallback(const std::string& fallback_zone, std::string why) {
  PhoneZone out;
  out.zone = fallback_zone;
  out.reason = std::move(why) + "; using the company's zone " + fallback_zone;
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The zone of a number whose region is known, refined by its area code.
PhoneZone ZoneInRegion(const RegionZone& region, int area_code, const std::string& description) {
  PhoneZone out;
  out.state = region.code;
  const std::string where = "area code " + std::to_string(area_code) + " (" + description + ")";
  if (*region.other_zones == '\0') {
    out.zone = region.zone;
    out.reason = where + ": " + out.zone;
    return out;
  }
  if (const AreaCodeZone* a = FindAreaCode(area_code, region.code)) {
    out.zone = a->zone;
    out.other_zones = SplitBars(a->other_zones);
    out.ambiguous = !out.other_zones.empty();
    out.reason = where + " is " + a->place + ": " + out.zone;
    if (out.ambiguous) out.reason += " for most of it, but it spans " + Joined(out.other_zones) + " too";
    return out;
  }
  out.zone = region.zone;
  out.reason = where + ": " + out.zone;
  if (HasAreaCodeRows(region.code)) {
    out.reason += std::string(" (") + region.note + "; not this area code)";
    return out;
  }
  out.other_zones = SplitBars(region.other_zones);
  out.ambiguous = true;
  out.reason += std::string(" for most of ") + region.code + ", but " + region.note + " (" +
                Joined(out.other_zones) + ")";
  return out;
}

}  // namespace

const std::vector<RegionZone>& RegionZones() { return kRegions; }
const std::vector<AreaCodeZone>& AreaCodeZones() { return kAreaCodes; }

namespace {

PhoneZone FindZone(std::string_view e164, const std::string& fallback_zone) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  const std::string text(e164);
  if (text.empty() || text[0] != '+' || util.Parse(text, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumber(number))
    return Fallback(fallback_zone, "\"" + text + "\" is not a valid international number");
  const std::string description = Geocoder().GetDescriptionForNumber(number, icu::Locale::getEnglish());
  if (number.country_code() != 1)
    return Fallback(fallback_zone, text + " is outside North America" +
                                       (description.empty() ? std::string() : " (" + description + ")"));
  std::string national;
  util.GetNationalSignificantNumber(number, &national);
  const int area_code = national.size() >= 3 ? std::stoi(national.substr(0, 3)) : 0;
  const RegionZone* region = FindRegion(description);
  if (region == nullptr)
    return Fallback(fallback_zone, "area code " + std::to_string(area_code) + " has no state or province" +
                                       (description.empty() ? std::string() : " (" + description + ")"));
  return ZoneInRegion(*region, area_code, description);
}

}  // namespace

PhoneZone ZoneForPhone(std::string_view e164, const std::string& fallback_zone) {
  // Each distinct number is looked up once, for all threads: the geocoder costs ~25 µs a
  // number, and the audit asks for a contact's zone on both of its threads.
  static SharedCache<PhoneZone> cache(1 << 16);
  std::string key(e164);
  key += '|';
  key += fallback_zone;
  return cache.Get(key, [&] { return FindZone(e164, fallback_zone); });
}

}  // namespace ringback
