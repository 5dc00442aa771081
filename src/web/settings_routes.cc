// Settings: the team, hours, SLAs, next actions and callback templates the queue is built
// from, and the accounts. Everyone but a technician reads them; only an admin changes them, by
// editing the company config, which is checked by the same loader as the command line before
// anything is saved.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config_loader.h"
#include "pipeline/actions.h"
#include "web/app.h"

namespace ringback::web {
namespace {

namespace fs = std::filesystem;

std::string Clock(int minute) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

std::string Duration(const Sla& sla) {
  std::int64_t s = sla.amount.count();
  std::string out = s % 3600 == 0 ? std::to_string(s / 3600) + "h" : std::to_string(s / 60) + "m";
  return out + (sla.business_time ? " business" : " clock");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Json SettingsModel(Context& ctx, const std::string& config_text, const std::string& error) {
  const CompanyConfig& c = ctx.config();
  static constexpr const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  Json hours = Json::array();
  for (int d = 0; d < 7; ++d)
    hours.push_back({{"day", kDays[d]},
                     {"hours", c.hours[static_cast<std::size_t>(d)].closed()
                                   ? std::string("closed")
                                   : Clock(c.hours[static_cast<std::size_t>(d)].open_minute) + "–" +
                                         Clock(c.hours[static_cast<std::size_t>(d)].close_minute)}});
  Json team = Json::array();
  for (const Person& p : c.team) {
    std::string trades;
    for (const std::string& t : p.trades) trades += (trades.empty() ? "" : ", ") + t;
    team.push_back({{"name", p.name}, {"role", std::string(RoleName(p.role))},
                    {"trades", trades.empty() ? std::string("all") : trades}, {"service_lead", p.service_lead}});
  }
  Json sla = Json::array();
  for (const auto& [category, target] : c.sla) {
    auto action = c.next_action.find(category);
    sla.push_back({{"category", std::string(CategoryName(category))}, {"target", Duration(target)},
                   {"next_action", action == c.next_action.end() ? std::string() : action->second}});
  }
  Json templates = Json::array();
  for (const auto& [name, text] : c.templates) templates.push_back({{"name", name}, {"text", text}});
  Json users = Json::array();
  (void)ctx.store().ForEachUser([&](const User& u) {
    users.push_back({{"login", u.login}, {"person", u.person}, {"role", std::string(AccessRoleName(u.role))},
                     {"disabled", u.disabled}});
    return Status::Ok();
  });
  // Calendar subscriptions, per person on the roster (admin only: creating one shows its URL).
  Json calendars = Json::array();
  if (Allows(ctx.user.role, Permission::kChangeSettings)) {
    std::map<std::string, CalendarFeed> active;
    (void)ctx.store().ForEachCalendarFeed([&](const CalendarFeed& f) {
      active[f.person] = f;  // the latest wins (there is one in force per person)
      return Status::Ok();
    });
    for (const Person& p : c.team) {
      auto it = active.find(p.name);
      calendars.push_back({{"person", p.name},
                           {"active", it != active.end()},
                           {"since", it == active.end() ? std::string() : Local(it->second.created_at, c)},
                           {"by", it == active.end() ? std::string() : it->second.created_by}});
    }
  }
  return {{"company", c.name},
          {"calendars", calendars},
          {"time_zone", c.time_zone},
          {"quiet_hours", Clock(c.quiet_start_minute) + "–" + Clock(c.quiet_end_minute)},
          {"hours", hours},
          {"team", team},
          {"sla", sla},
          {"templates", templates},
          {"users", users},
          {"can_edit", Allows(ctx.user.role, Permission::kChangeSettings)},
          {"can_forget", Allows(ctx.user.role, Permission::kForget)},
          {"config_path", ctx.company->config_path},
          {"config_text", config_text},
          {"error", error}};
}

void Settings(Context& ctx) {
  Json model = SettingsPageModel(ctx);
  if (ctx.api) SendJson(ctx, model);
  else SendPage(ctx, "settings", "Settings", std::move(model));
}

// Saves the new config only when it loads cleanly: written beside the old file, then renamed
// over it, so a crash leaves one whole file or the other.
void Save(Context& ctx) {
  const std::string text = ctx.Param("config");
  if (text.empty()) throw HttpError{400, "config: the company config text is required"};
  StatusOr<CompanyConfig> parsed = ParseConfig(text, ctx.company->config_path);
  StatusOr<std::shared_ptr<const Classifier>> classifier =
      parsed.ok() ? Classifier::Create(*parsed) : StatusOr<std::shared_ptr<const Classifier>>(parsed.status());
  if (!classifier.ok()) {
    const std::string error = classifier.status().message();
    if (ctx.api) throw HttpError{400, error};
    SendPage(ctx, "settings", "Settings", SettingsModel(ctx, text, error), 400);
    return;
  }
  const std::string tmp = ctx.company->config_path + ".saving";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw HttpError{500, "cannot write " + tmp};
  }
  std::error_code ec;
  fs::rename(tmp, ctx.company->config_path, ec);
  if (ec) throw HttpError{500, "cannot replace " + ctx.company->config_path + ": " + ec.message()};
  ctx.company->ReplaceSettings(std::make_shared<const CompanySettings>(CompanySettings{std::move(parsed).value(), *classifier}));
  ctx.UseCompany(*ctx.company);  // this request goes on with the new settings
  if (Status s = ctx.Rebuild(); !s.ok()) throw HttpError{500, "saved, but the queue did not rebuild: " + s.message()};
  Done(ctx, "/settings", "Settings saved; the queue was rebuilt with them.");
}

// Forgets a person (pipeline/actions.h ForgetContact) as the signed-in admin, who is recorded
// as the actor; the queue is rebuilt by it.
void ForgetAction(Context& ctx) {
  const std::string who = ctx.Param("who"), reason = ctx.Param("reason");
  StatusOr<ForgetReport> report = ForgetContact(ctx.store(), ctx.app.db_path, ctx.config(), who, ctx.Actor(),
                                                reason, ctx.app.Now());
  ctx.Changed();  // what was computed from the queue before is stale
  if (!report.ok()) {
    const Status::Code code = report.status().code();
    throw HttpError{code == Status::Code::kInvalidArgument ? 400 : code == Status::Code::kNotFound ? 404 : 500,
                    report.status().message()};
  }
  Done(ctx, "/settings",
       "Forgotten: " + std::to_string(report->rows) + " row(s) removed" +
           (report->stop_kept ? "; their stop stays in force." : "."),
       {{"handles", report->handles}, {"rows", report->rows}, {"stop_kept", report->stop_kept}});
}

}  // namespace

Json SettingsPageModel(Context& ctx) {
  const bool admin = Allows(ctx.user.role, Permission::kChangeSettings);
  return SettingsModel(ctx, admin ? ReadFile(ctx.company->config_path) : std::string(), "");
}

void AddSettingsRoutes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/settings/forget", "/settings/forget", false, Permission::kForget, ForgetAction});
  routes.push_back({"POST", "/api/forget", "/api/forget", false, Permission::kForget, ForgetAction});
  routes.push_back({"GET", "/settings", "/settings", false, Permission::kSeeSettings, Settings});
  routes.push_back({"GET", "/api/settings", "/api/settings", false, Permission::kSeeSettings, Settings});
  routes.push_back({"POST", "/settings", "/settings", false, Permission::kChangeSettings, Save});
  routes.push_back({"POST", "/api/settings", "/api/settings", false, Permission::kChangeSettings, Save});
}

}  // namespace ringback::web
