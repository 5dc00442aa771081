#include "message/draft.h"

#include <kainjow/mustache.hpp>

#include <cctype>
#include <sstream>

#include "core/embedded.h"

namespace ringback {
namespace {

namespace mustache = kainjow::mustache;

const std::string& SmsTemplate() {
  static const std::string text = [] {
    for (const auto& [path, bytes] : embedded::templates())
      if (path.ends_with("draft_sms.mustache")) return std::string(bytes);
    return std::string();
  }();
  return text;
}

std::string Collapse(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

}  // namespace

std::string GreetingName(const std::string& full_name) {
  std::istringstream in(full_name);
  std::string first;
  in >> first;
  if (first.size() < 2) return "";
  bool has_lower = false;
  for (char c : first) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'') return "";
    if (std::islower(static_cast<unsigned char>(c))) has_lower = true;
  }
  // All-caps caller-ID text ("WIRELESS CALLER", "AUSTIN TX") is not a name to greet.
  if (!has_lower) return "";
  std::string lower;
  for (char c : first) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "anonymous" || lower == "unknown" || lower == "wireless" || lower == "private") return "";
  return first;
}

std::string DraftCallback(const DraftInput& input) {
  if (input.do_not_contact || !IsReal(input.category)) return "";
  mustache::data contact{mustache::data::type::object};
  if (std::string first = GreetingName(input.contact_name); !first.empty()) contact.set("first_name", first);
  mustache::data agent{mustache::data::type::object};
  if (std::string first = GreetingName(input.agent_name); !first.empty()) agent.set("first_name", first);
  mustache::data company{mustache::data::type::object};
  company.set("name", input.company_name.empty() ? std::string("our office") : input.company_name);
  mustache::data request{mustache::data::type::object};
  request.set("summary", input.summary);
  mustache::data data;
  data.set("contact", contact);
  data.set("agent", agent);
  data.set("company", company);
  data.set("request", request);
  data.set(std::string(CategoryName(input.category)), true);
  mustache::mustache tmpl(SmsTemplate());
  // Plain text: no HTML escaping of names ("O'Brien" stays as written).
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  return Collapse(tmpl.render(data));
}

}  // namespace ringback
