// Lead sources: where a buyer found the business, as exports write it ("GMB", "google / cpc",
// "utm_source=facebook") turned into one display name per source, so the queue and the review
// can count them.
#pragma once

#include <string>
#include <string_view>

namespace ringback {

inline constexpr std::string_view kBusinessProfileSource = "Google Business Profile";
inline constexpr std::string_view kLocalServicesAdsSource = "Google Local Services Ads";

// The display name for a source as written: "Google Business Profile" (GMB, GBP, "google /
// gbp", "Business Profile", Google Maps), "Google Local Services Ads" (LSA, Google
// Guaranteed), "Google Ads" (google / cpc, AdWords), "Google Search" (google / organic),
// "Website", "Facebook", "Instagram", "Yelp", "Nextdoor", "Angi", "HomeAdvisor", "Thumbtack",
// "Bing", "Referral", "Email". Anything else keeps its own words, tidied (at most 60 bytes).
// Empty for blanks and placeholders ("(none)", "n/a", "unknown").
std::string NormalizeLeadSource(std::string_view raw);

}  // namespace ringback
