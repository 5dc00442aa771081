#include "core/lead_source.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace ringback {
namespace {

// Lower-case words, punctuation as spaces: "Google / CPC" -> " google cpc " (padded, so a
// word is found as " word ").
std::string Words(std::string_view raw) {
  std::string out = " ";
  for (char ch : raw) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out += ch;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (c == '\'') continue;  // "angie's" -> "angies"
    else if (out.back() != ' ') out += ' ';
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

bool Has(const std::string& words, std::string_view phrase) {
  return words.find(" " + std::string(phrase) + " ") != std::string::npos;
}

bool HasAny(const std::string& words, std::initializer_list<std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return Has(words, p); });
}

// The source as written, whitespace tidied and cut at a character boundary.
std::string Tidy(std::string_view raw) {
  std::string out;
  bool space = false;
  for (char ch : raw) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  if (out.size() > 60) {
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace

std::string NormalizeLeadSource(std::string_view raw) {
  const std::string w = Words(raw);
  if (w.find_first_not_of(' ') == std::string::npos) return {};
  if (HasAny(w, {"none", "n a", "na", "unknown", "null", "not set", "other"}) &&
      w.size() <= std::string_view(" not set ").size())
    return {};
  if (HasAny(w, {"local services", "local service ads", "lsa", "google guaranteed", "google screened"}))
    return std::string(kLocalServicesAdsSource);
  if (HasAny(w, {"gmb", "gbp", "google my business", "my business", "business profile", "google business",
                 "google maps", "maps", "google places", "places"}))
    return std::string(kBusinessProfileSource);
  const bool paid = HasAny(w, {"cpc", "ppc", "paid", "ads", "ad", "adwords", "sem", "paid search", "display"});
  if (Has(w, "google") || Has(w, "adwords")) {
    if (paid) return "Google Ads";
    return Has(w, "organic") || Has(w, "search") ? "Google Search" : "Google";
  }
  if (HasAny(w, {"facebook", "fb", "meta"})) return "Facebook";
  if (HasAny(w, {"instagram", "ig"})) return "Instagram";
  if (Has(w, "yelp")) return "Yelp";
  if (Has(w, "nextdoor")) return "Nextdoor";
  if (HasAny(w, {"angi", "angies list", "angieslist", "angies"})) return "Angi";
  if (HasAny(w, {"homeadvisor", "home advisor"})) return "HomeAdvisor";
  if (Has(w, "thumbtack")) return "Thumbtack";
  if (HasAny(w, {"bing", "microsoft ads"})) return "Bing";
  if (HasAny(w, {"referral", "referred", "referred by", "friend", "word of mouth", "neighbor", "family"}))
    return "Referral";
  if (HasAny(w, {"email", "newsletter", "e mail", "mailchimp"})) return "Email";
  if (HasAny(w, {"website", "web site", "web", "site", "direct", "organic", "seo", "contact form", "web form",
                 "webform", "online"}))
    return "Website";
  return Tidy(raw);
}

}  // namespace ringback
