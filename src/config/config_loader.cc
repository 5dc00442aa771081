#include "config/config_loader.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "assign/assigner.h"
#include "identity/phone.h"

namespace ringback {
namespace {

// Carries the file name so every error says where it is.
struct Ctx {
  std::string source;
  Status Error(const toml::node* node, std::string_view key, std::string_view what) const {
    std::string where = source;
    if (node) where += ":" + std::to_string(node->source().begin.line);
    return Status::InvalidArgument(where + ": " + std::string(key) + ": " + std::string(what));
  }
};

std::optional<int> ParseClock(std::string_view text) {  // "07:30" -> 450
  int h = 0, m = 0;
  char colon = 0;
  std::istringstream in{std::string(text)};
  if (!(in >> h >> colon >> m) || colon != ':' || h < 0 || h > 24 || m < 0 || m > 59) return {};
  if (h == 24 && m != 0) return {};  // "24:00" closes at midnight; nothing later
  if (in.peek() != std::char_traits<char>::eof()) return {};
  return h * 60 + m;
}

std::optional<DayHours> ParseHours(std::string_view text) {
  if (text.empty() || text == "closed") return DayHours{};
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return {};
  auto open = ParseClock(text.substr(0, dash));
  auto close = ParseClock(text.substr(dash + 1));
  if (!open || !close || *close <= *open) return {};
  return DayHours{*open, *close};
}

std::optional<std::chrono::sys_days> ParseDate(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::sys_days d;
  in >> date::parse("%F", d);
  if (in.fail()) return {};
  return d;
}

constexpr std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

Status ReadWeek(const Ctx& ctx, const toml::table& table, std::string_view prefix,
                std::array<DayHours, 7>& hours) {
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    const toml::node* node = table.get(kDays[i]);
    if (!node) continue;
    auto text = node->value<std::string>();
    std::optional<DayHours> h = text ? ParseHours(*text) : std::nullopt;
    if (!h)
      return ctx.Error(node, std::string(prefix) + std::string(kDays[i]),
                       "expected opening hours like \"07:30-17:30\" or \"closed\"");
    hours[i] = *h;
  }
  return Status::Ok();
}

Status ReadStrings(const Ctx& ctx, const toml::node* node, std::string_view key,
                   std::vector<std::string>& out) {
  if (!node) return Status::Ok();
  const toml::array* arr = node->as_array();
  if (!arr) return ctx.Error(node, key, "expected a list of strings");
  for (const toml::node& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) return ctx.Error(&item, key, "expected a list of strings");
    out.push_back(*s);
  }
  return Status::Ok();
}

Status ReadDates(const Ctx& ctx, const toml::node* node, std::string_view key,
                 std::vector<std::chrono::sys_days>& out) {
  std::vector<std::string> texts;
  if (Status s = ReadStrings(ctx, node, key, texts); !s.ok()) return s;
  for (const std::string& t : texts) {
    auto d = ParseDate(t);
    if (!d) return ctx.Error(node, key, "expected dates like \"2026-11-26\", got \"" + t + "\"");
    out.push_back(*d);
  }
  return Status::Ok();
}

std::optional<Role> ParseRole(std::string_view r) {
  for (Role role : {Role::kOwner, Role::kDispatcher, Role::kEstimator, Role::kTechnician, Role::kOffice})
    if (RoleName(role) == r) return role;
  if (r == "csr") return Role::kDispatcher;
  if (r == "sales") return Role::kEstimator;
  return {};
}

// "2026-11-02T07:30" in the company's zone -> UTC instant.
std::optional<Timestamp> ParseLocalTime(const std::string& zone, std::string_view text) {
  std::istringstream in{std::string(text)};
  date::local_seconds local;
  in >> date::parse("%FT%R", local);
  if (in.fail()) {
    std::istringstream in2{std::string(text)};
    in2 >> date::parse("%F", local);
    if (in2.fail()) return {};
  }
  try {
    const date::time_zone* tz = date::locate_zone(zone);
    return date::floor<Seconds>(tz->to_sys(local, date::choose::earliest));
  } catch (const std::exception&) {
    return {};
  }
}

Status ReadCompany(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::table* company = root["company"].as_table();
  if (!company) return ctx.Error(nullptr, "company", "missing [company] table");
  c.name = (*company)["name"].value_or(std::string());
  if (c.name.empty()) return ctx.Error(company, "company.name", "missing");
  c.time_zone = (*company)["time_zone"].value_or(c.time_zone);
  try {
    date::locate_zone(c.time_zone);
  } catch (const std::exception&) {
    return ctx.Error(company->get("time_zone"), "company.time_zone",
                     "unknown IANA time zone \"" + c.time_zone + "\"");
  }
  c.phone_region = (*company)["phone_region"].value_or(c.phone_region);
  if (const toml::node* node = company->get("phone")) {
    const std::optional<std::string> text = node->value<std::string>();
    const PhoneNumber n = text ? ParsePhone(*text, c.phone_region) : PhoneNumber{};
    if (!n.ok()) return ctx.Error(node, "company.phone", "expected the main line, like \"(512) 555-0100\"");
    c.phone = FormatPhoneForDisplay(n.e164, c.phone_region);
  }
  return ReadStrings(ctx, company->get("trades"), "company.trades", c.trades);
}

Status ReadPerson(const Ctx& ctx, const toml::table& t, const CompanyConfig& c, Person& p) {
  p.name = t["name"].value_or(std::string());
  if (p.name.empty()) return ctx.Error(&t, "team.name", "every team member needs a name");
  auto role = ParseRole(t["role"].value_or(std::string("office")));
  if (!role)
    return ctx.Error(t.get("role"), "team.role",
                     "expected owner, dispatcher, estimator, technician or office");
  p.role = *role;
  p.service_lead = t["service_lead"].value_or(false);
  if (auto phone = t["phone"].value<std::string>()) {
    PhoneNumber n = ParsePhone(*phone, c.phone_region);
    p.phone = n.ok() ? n.e164 : *phone;
  }
  p.email = NormalizeEmail(t["email"].value_or(std::string()));
  if (Status s = ReadStrings(ctx, t.get("trades"), "team.trades", p.trades); !s.ok()) return s;
  if (const toml::table* h = t["hours"].as_table()) {
    p.has_own_hours = true;
    if (Status s = ReadWeek(ctx, *h, "team.hours.", p.hours); !s.ok()) return s;
  }
  return ReadDates(ctx, t.get("days_off"), "team.days_off", p.days_off);
}

Status ReadTeam(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::array* team = root["team"].as_array();
  if (!team || team->empty()) return ctx.Error(nullptr, "team", "no [[team]] members");
  for (const toml::node& node : *team) {
    const toml::table* t = node.as_table();
    if (!t) return ctx.Error(&node, "team", "expected [[team]] tables");
    Person p;
    if (Status s = ReadPerson(ctx, *t, c, p); !s.ok()) return s;
    c.team.push_back(std::move(p));
  }
  return Status::Ok();
}

bool InRoster(const CompanyConfig& c, const std::string& name) {
  for (const Person& p : c.team)
    if (p.name == name) return true;
  return false;
}

Status ReadOnCall(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::table* oc = root["on_call"].as_table();
  if (!oc) return Status::Ok();
  if (Status s = ReadStrings(ctx, oc->get("rotation"), "on_call.rotation", c.on_call.rotation); !s.ok())
    return s;
  for (const std::string& n : c.on_call.rotation)
    if (!InRoster(c, n)) return ctx.Error(oc->get("rotation"), "on_call.rotation", "\"" + n + "\" is not in the team");
  if (auto start = (*oc)["rotation_start"].value<std::string>()) {
    auto t = ParseLocalTime(c.time_zone, *start);
    if (!t) return ctx.Error(oc->get("rotation_start"), "on_call.rotation_start", "expected \"2026-11-02T07:30\"");
    c.on_call.rotation_start = *t;
  }
  if (const toml::array* ranges = (*oc)["range"].as_array()) {
    for (const toml::node& node : *ranges) {
      const toml::table* r = node.as_table();
      OnCallRange range;
      range.name = r ? (*r)["name"].value_or(std::string()) : "";
      auto from = ParseLocalTime(c.time_zone, r ? (*r)["from"].value_or(std::string()) : "");
      auto to = ParseLocalTime(c.time_zone, r ? (*r)["to"].value_or(std::string()) : "");
      if (!InRoster(c, range.name) || !from || !to || *to <= *from)
        return ctx.Error(&node, "on_call.range", "needs a team member's name and from < to like \"2026-11-18T17:30\"");
      range.from = *from;
      range.to = *to;
      c.on_call.ranges.push_back(range);
    }
  }
  return Status::Ok();
}

Status ReadPerCategory(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  if (const toml::table* sla = root["sla"].as_table()) {
    for (const auto& [key, node] : *sla) {
      auto cat = ParseCategory(key.str());
      auto text = node.value<std::string>();
      if (!cat) return ctx.Error(&node, "sla." + std::string(key.str()), "unknown category");
      StatusOr<Sla> parsed = text ? ParseSla(*text) : StatusOr<Sla>(Status::InvalidArgument("not text"));
      if (!parsed.ok())
        return ctx.Error(&node, "sla." + std::string(key.str()), "expected a duration like \"15m\" or \"2h business\"");
      c.sla[*cat] = *parsed;
    }
  }
  if (const toml::table* na = root["next_action"].as_table()) {
    for (const auto& [key, node] : *na) {
      auto cat = ParseCategory(key.str());
      auto text = node.value<std::string>();
      if (!cat || !text) return ctx.Error(&node, "next_action." + std::string(key.str()), "expected category = \"text\"");
      c.next_action[*cat] = *text;
    }
  }
  return Status::Ok();
}

bool IsDraftChannel(std::string_view name) { return name == "sms" || name == "email" || name == "call"; }

// [templates.<channel>] category = "text": `prefix` is "" for English, "es." for [templates.es.<channel>].
Status ReadChannelTemplates(const Ctx& ctx, const toml::node& node, const std::string& where, const std::string& prefix,
                            const std::string& channel, CompanyConfig& c) {
  const toml::table* per_category = node.as_table();
  if (!per_category) return ctx.Error(&node, where, "expected a table of category = \"text\"");
  for (const auto& [category, text] : *per_category) {
    auto value = text.value<std::string>();
    if (!ParseCategory(category.str()) || !value)
      return ctx.Error(&text, where + "." + std::string(category.str()), "expected category = \"text\"");
    c.templates[prefix + channel + "." + std::string(category.str())] = *value;
  }
  return Status::Ok();
}

Status ReadTemplates(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::table* templates = root["templates"].as_table();
  if (!templates) return Status::Ok();
  for (const auto& [key, node] : *templates) {
    const std::string name(key.str());
    if (IsDraftChannel(name)) {
      if (Status s = ReadChannelTemplates(ctx, node, "templates." + name, "", name, c); !s.ok()) return s;
      continue;
    }
    // A locale: [templates.es.sms], [templates.en.email] (English is the same as [templates.email]).
    const toml::table* per_channel = node.as_table();
    const bool locale = name.size() >= 2 && name.size() <= 3 &&
                        std::all_of(name.begin(), name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (!per_channel || !locale)
      return ctx.Error(&node, "templates." + name,
                       "expected [templates.sms], [templates.email], [templates.call] or a language: [templates.es.sms]");
    for (const auto& [channel, channel_node] : *per_channel) {
      const std::string ch(channel.str());
      if (!IsDraftChannel(ch))
        return ctx.Error(&channel_node, "templates." + name + "." + ch,
                         "expected [templates." + name + ".sms], [templates." + name + ".email] or [templates." + name + ".call]");
      const std::string prefix = name == "en" ? "" : name + ".";
      if (Status s = ReadChannelTemplates(ctx, channel_node, "templates." + name + "." + ch, prefix, ch, c); !s.ok())
        return s;
    }
  }
  return Status::Ok();
}

// [drafts]: which channels drafts may use and which languages the office writes.
Status ReadDrafts(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::table* drafts = root["drafts"].as_table();
  if (!drafts) return Status::Ok();
  if (Status s = ReadStrings(ctx, drafts->get("channels"), "drafts.channels", c.draft_channels); !s.ok()) return s;
  for (const std::string& ch : c.draft_channels)
    if (!IsDraftChannel(ch))
      return ctx.Error(drafts->get("channels"), "drafts.channels", "\"" + ch + "\": expected \"sms\", \"email\" or \"call\"");
  if (drafts->get("channels") && c.draft_channels.empty())
    return ctx.Error(drafts->get("channels"), "drafts.channels", "name at least one of \"sms\", \"email\", \"call\"");
  if (Status s = ReadStrings(ctx, drafts->get("languages"), "drafts.languages", c.draft_locales); !s.ok()) return s;
  for (const std::string& l : c.draft_locales)
    if (l != "en" && l != "es")
      return ctx.Error(drafts->get("languages"), "drafts.languages",
                       "\"" + l + "\": drafts are written in \"en\" (English) and \"es\" (Spanish)");
  if (drafts->get("languages") && c.draft_locales.empty())
    return ctx.Error(drafts->get("languages"), "drafts.languages", "name at least one language, the default first");
  return Status::Ok();
}

// Dollars as written in TOML (9000 or 9000.50) -> cents; nullopt when not a non-negative number.
std::optional<std::int64_t> Cents(const toml::node& node) {
  const std::optional<double> dollars = node.value<double>();
  if (!dollars || !std::isfinite(*dollars) || *dollars < 0 || *dollars > 1e9) return std::nullopt;
  return static_cast<std::int64_t>(*dollars * 100 + 0.5);
}

Status ReadReview(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::table* review = root["review"].as_table();
  if (!review) return Status::Ok();
  if (const toml::node* rate = review->get("booking_rate")) {
    const std::optional<double> r = rate->value<double>();
    if (!r || !std::isfinite(*r) || *r < 0 || *r > 1) return ctx.Error(rate, "review.booking_rate", "expected a share from 0 to 1, like 0.35");
    c.booking_rate = *r;
  }
  std::vector<std::string> inboxes;
  if (Status s = ReadStrings(ctx, review->get("shared_inboxes"), "review.shared_inboxes", inboxes); !s.ok()) return s;
  for (const std::string& inbox : inboxes) {
    const std::string email = NormalizeEmail(inbox);
    if (email.empty()) return ctx.Error(review->get("shared_inboxes"), "review.shared_inboxes", "\"" + inbox + "\" is not an email address");
    c.shared_inboxes.push_back(email);
  }
  if (const toml::node* value = review->get("job_value")) {
    if (const toml::table* per = value->as_table()) {
      for (const auto& [key, node] : *per) {
        const auto cat = ParseCategory(key.str());
        const auto cents = Cents(node);
        if (!cat || !IsReal(*cat) || !cents)
          return ctx.Error(&node, "review.job_value." + std::string(key.str()), "expected category = dollars, like 9000");
        c.job_value_by_category_cents[*cat] = *cents;
      }
    } else if (const auto cents = Cents(*value)) {
      c.job_value_cents = *cents;
    } else {
      return ctx.Error(value, "review.job_value", "expected dollars (9000) or a table of category = dollars");
    }
  }
  return Status::Ok();
}

// [recovery] reopen_rates = [{ max_age_days = 90, rate = 0.12 }, ...], ages ascending.
Status ReadRecovery(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  const toml::table* recovery = root["recovery"].as_table();
  if (!recovery) return Status::Ok();
  const toml::node* node = recovery->get("reopen_rates");
  if (!node) return Status::Ok();
  const toml::array* bands = node->as_array();
  if (!bands || bands->empty())
    return ctx.Error(node, "recovery.reopen_rates", "expected a list like [{ max_age_days = 90, rate = 0.12 }]");
  for (const toml::node& item : *bands) {
    const toml::table* band = item.as_table();
    const std::optional<std::int64_t> days = band ? (*band)["max_age_days"].value<std::int64_t>() : std::nullopt;
    const std::optional<double> rate = band ? (*band)["rate"].value<double>() : std::nullopt;
    if (!days || !rate || *days <= 0 || *days > 36500 || !std::isfinite(*rate) || *rate < 0 || *rate > 1)
      return ctx.Error(&item, "recovery.reopen_rates", "each band needs max_age_days (1 to 36500) and rate (0 to 1)");
    if (!c.reopen_rates.empty() && *days <= c.reopen_rates.back().first)
      return ctx.Error(&item, "recovery.reopen_rates", "bands must be in ascending max_age_days");
    c.reopen_rates.emplace_back(static_cast<int>(*days), *rate);
  }
  return Status::Ok();
}

Status ReadRules(const Ctx& ctx, const toml::table& root, CompanyConfig& c) {
  if (const toml::table* cl = root["classify"].as_table()) {
    c.old_estimate_days = static_cast<int>((*cl)["old_estimate_days"].value_or(int64_t{30}));
    std::vector<std::string> numbers;
    if (Status s = ReadStrings(ctx, cl->get("spam_numbers"), "classify.spam_numbers", numbers); !s.ok()) return s;
    for (const std::string& n : numbers) {
      PhoneNumber p = ParsePhone(n, c.phone_region);
      if (!p.ok()) return ctx.Error(cl->get("spam_numbers"), "classify.spam_numbers", "\"" + n + "\": " + p.error);
      c.spam_numbers.push_back(p.e164);
    }
    if (const toml::table* terms = (*cl)["terms"].as_table()) {
      for (const auto& [key, node] : *terms) {
        if (!ParseCategory(key.str())) return ctx.Error(&node, "classify.terms." + std::string(key.str()), "unknown category");
        if (Status s = ReadStrings(ctx, &node, "classify.terms", c.extra_terms[std::string(key.str())]); !s.ok()) return s;
      }
    }
  }
  if (const toml::table* profile = root["profile"].as_table()) {
    std::vector<std::string> numbers;
    if (Status s = ReadStrings(ctx, profile->get("numbers"), "profile.numbers", numbers); !s.ok()) return s;
    for (const std::string& n : numbers) {
      PhoneNumber p = ParsePhone(n, c.phone_region);
      if (!p.ok()) return ctx.Error(profile->get("numbers"), "profile.numbers", "\"" + n + "\": " + p.error);
      c.profile_numbers.push_back(p.e164);
    }
  }
  if (const toml::table* retention = root["retention"].as_table()) {
    if (const toml::node* days = retention->get("keep_text_days")) {
      const std::optional<std::int64_t> n = days->value<std::int64_t>();
      if (!n || *n < 0 || *n > 36500)
        return ctx.Error(days, "retention.keep_text_days", "expected a number of days, like 365 (0 keeps text)");
      c.keep_text_days = static_cast<int>(*n);
    }
  }
  if (const toml::table* id = root["identity"].as_table())
    c.duplicate_window_days = static_cast<int>((*id)["duplicate_window_days"].value_or(int64_t{7}));
  if (const toml::table* q = root["quiet_hours"].as_table()) {
    auto start = ParseClock((*q)["start"].value_or(std::string("08:00")));
    auto end = ParseClock((*q)["end"].value_or(std::string("21:00")));
    if (!start || !end || *end <= *start) return ctx.Error(q, "quiet_hours", "expected start = \"08:00\", end = \"21:00\"");
    c.quiet_start_minute = *start;
    c.quiet_end_minute = *end;
    if (const toml::table* states = (*q)["states"].as_table()) {
      for (const auto& [state, node] : *states) {
        auto text = node.value<std::string>();
        auto hours = text ? ParseHours(*text) : std::nullopt;
        if (!hours || hours->closed())
          return ctx.Error(&node, "quiet_hours.states." + std::string(state.str()), "expected \"08:00-20:00\"");
        c.state_quiet_hours[std::string(state.str())] = {hours->open_minute, hours->close_minute};
      }
    }
  }
  if (Status s = ReadReview(ctx, root, c); !s.ok()) return s;
  if (Status s = ReadRecovery(ctx, root, c); !s.ok()) return s;
  if (Status s = ReadDrafts(ctx, root, c); !s.ok()) return s;
  return ReadTemplates(ctx, root, c);
}

}  // namespace

StatusOr<CompanyConfig> ParseConfig(std::string_view toml_text, std::string_view source_name) {
  Ctx ctx{std::string(source_name)};
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(ctx.source + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  CompanyConfig c;
  for (auto step : {ReadCompany, ReadTeam, ReadOnCall, ReadPerCategory, ReadRules}) {
    if (Status s = step(ctx, root, c); !s.ok()) return s;
  }
  const toml::table* hours = root["hours"].as_table();
  if (!hours) return ctx.Error(nullptr, "hours", "missing [hours] table");
  if (Status s = ReadWeek(ctx, *hours, "hours.", c.hours); !s.ok()) return s;
  if (Status s = ReadDates(ctx, hours->get("holidays"), "hours.holidays", c.holidays); !s.ok()) return s;
  return c;
}

StatusOr<CompanyConfig> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("config file " + path + " cannot be read; pass --config with a copy of config/company.example.toml");
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseConfig(buf.str(), path);
}

}  // namespace ringback
