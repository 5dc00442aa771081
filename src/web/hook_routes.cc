// The routes that need no session: the webhooks (hooks.h, proved by their signature) and the
// per-person calendar subscriptions (proved by the secret in their URL); and the settings
// actions that create and revoke those subscriptions. Only this file knows the HTTP server: it
// turns its request into a HookRequest and a HookResponse back into its response.
#include <algorithm>

#include "assign/calendar_feed.h"
#include "core/text.h"
#include "web/app.h"
#include "web/hooks.h"
#include "web/tokens.h"

namespace ringback::web {
namespace {

HookRequest ToHookRequest(const httplib::Request& req) {
  HookRequest out;
  out.method = req.method;
  out.target = req.target;
  for (const auto& [name, value] : req.headers) out.headers.emplace_back(name, value);
  out.body = req.body;
  if (Lower(req.get_header_value("Content-Type")).starts_with("application/x-www-form-urlencoded"))
    out.params = ParseFormBody(req.body);
  return out;
}

HookEnv EnvOf(Context& ctx) {
  App& app = ctx.app;
  return {&ctx.store(), &ctx.config(),   ctx.settings->classifier.get(), app.Now(), app.public_url, app.twilio_auth_token,
          app.form_secret, &app.metrics};
}

// Runs a hook and sends its answer. A hook that stored something makes cached pages stale.
template <typename Hook>
Handler Serve(Hook hook) {
  return [hook](Context& ctx) {
    const HookResponse answer = hook(EnvOf(ctx), ToHookRequest(ctx.req), ctx);
    if (answer.status == 200) ctx.Changed();
    ctx.res.status = answer.status;
    ctx.res.set_content(answer.body, answer.content_type);
  };
}

// GET /ical/TOKEN.ics: the open callbacks a person owns, as calendar events (?tasks=1: tasks).
void CalendarFeedFile(Context& ctx) {
  // The token names its company: each company served is asked in turn (the home one first).
  const std::string hash = Sha256Hex(ctx.req.matches[1].str());
  StatusOr<CalendarFeed> feed = ctx.store().GetCalendarFeed(hash);
  for (auto it = ctx.app.companies.begin(); !feed.ok() && it != ctx.app.companies.end(); ++it) {
    if (it->second.get() == ctx.company) continue;
    ctx.UseCompany(*it->second);
    feed = ctx.store().GetCalendarFeed(hash);
  }
  if (!feed.ok() || feed->revoked_at) {
    ctx.res.status = 404;
    ctx.res.set_content("No such calendar (the link was revoked, or never existed).\n", "text/plain; charset=utf-8");
    return;
  }
  std::vector<Opportunity> callbacks;
  Status s = ctx.store().ForEachOpportunity([&](const Opportunity& o) {
    if (IsOpenCallback(o) && o.owner == feed->person) callbacks.push_back(o);
    return Status::Ok();
  });
  if (!s.ok()) throw HttpError{500, s.message()};
  std::stable_sort(callbacks.begin(), callbacks.end(),
                   [](const Opportunity& a, const Opportunity& b) { return *a.deadline < *b.deadline; });
  CalendarOptions options;
  options.calendar_name = "Ringback callbacks: " + (ctx.config().name.empty() ? "" : ctx.config().name + " ") +
                          "(" + feed->person + ")";
  options.uid_domain = CalendarUidDomain(ctx.config().name);
  options.as_of = ctx.app.Now();
  options.time_zone = ctx.config().time_zone;
  options.item = ctx.req.get_param_value("tasks") == "1" ? CalendarItem::kTodo : CalendarItem::kEvent;
  ctx.res.status = 200;
  ctx.res.set_content(RenderCalendar(callbacks, options), "text/calendar; charset=utf-8");
}

std::string RosterName(Context& ctx) {
  const std::string person = ctx.Param("person");
  const auto& team = ctx.config().team;
  if (std::none_of(team.begin(), team.end(), [&](const Person& p) { return p.name == person; }))
    throw HttpError{400, "person: \"" + person + "\" is not on the team roster"};
  return person;
}

// The address calendar apps subscribe to: the public URL when one is set, else this host.
std::string FeedUrl(Context& ctx, const std::string& token) {
  const std::string base =
      ctx.app.public_url.empty() ? "http://" + ctx.req.get_header_value("Host") : ctx.app.public_url;
  return base + "/ical/" + token + ".ics";
}

// A new subscription for a person; any earlier one stops working. The URL is shown once: only
// its token's hash is kept.
void CreateFeed(Context& ctx) {
  const std::string person = RosterName(ctx);
  const std::string token = RandomToken();
  const Timestamp now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  Status s = ctx.store().Begin();
  if (s.ok()) s = ctx.store().RevokeCalendarFeeds(person, now, ctx.Actor()).status();
  if (s.ok()) s = ctx.store().PutCalendarFeed({Sha256Hex(token), person, now, ctx.Actor(), std::nullopt, ""});
  if (s.ok()) s = ctx.store().Commit();
  else (void)ctx.store().Rollback();
  if (!s.ok()) throw HttpError{500, s.message()};
  const std::string url = FeedUrl(ctx, token);
  if (ctx.api) {
    Done(ctx, "/settings", "Calendar link for " + person + " created; copy it now, it is shown once.", {{"url", url}});
    return;
  }
  Json model = SettingsPageModel(ctx);
  model["new_feed"] = {{"person", person}, {"url", url}};
  SendPage(ctx, "settings", "Settings", std::move(model));
}

void RevokeFeed(Context& ctx) {
  const std::string person = RosterName(ctx);
  StatusOr<int> revoked =
      ctx.store().RevokeCalendarFeeds(person, std::chrono::floor<Seconds>(std::chrono::system_clock::now()), ctx.Actor());
  if (!revoked.ok()) throw HttpError{500, revoked.status().message()};
  if (*revoked == 0) throw HttpError{404, person + " has no calendar link to revoke"};
  Done(ctx, "/settings", "Calendar link of " + person + " revoked: it shows nothing any more.");
}

}  // namespace

void AddHookRoutes(std::vector<Route>& routes) {
  auto hook = [](HookResponse (*fn)(const HookEnv&, const HookRequest&)) {
    return Serve([fn](const HookEnv& env, const HookRequest& req, Context&) { return fn(env, req); });
  };
  routes.push_back({"POST", "/hooks/twilio/voice", "/hooks/twilio/voice", false, std::nullopt, hook(TwilioVoiceHook),
                    Proof::kSignature});
  routes.push_back({"POST", "/hooks/twilio/transcription", "/hooks/twilio/transcription", false, std::nullopt,
                    hook(TwilioTranscriptionHook), Proof::kSignature});
  routes.push_back({"POST", "/hooks/twilio/sms", "/hooks/twilio/sms", false, std::nullopt, hook(TwilioSmsHook),
                    Proof::kSignature});
  routes.push_back({"POST", "/hooks/form/([a-z0-9][a-z0-9_-]{0,39})", "/hooks/form/website", false, std::nullopt,
                    Serve([](const HookEnv& env, const HookRequest& req, Context& ctx) {
                      return FormHook(env, req, ctx.req.matches[1].str());
                    }),
                    Proof::kSignature});
  routes.push_back({"GET", "/ical/([0-9a-f]{64})\\.ics", "/ical/" + std::string(64, '0') + ".ics", false, std::nullopt,
                    CalendarFeedFile, Proof::kSecretUrl});
  routes.push_back({"POST", "/settings/calendar-feeds", "/settings/calendar-feeds", false, Permission::kChangeSettings,
                    CreateFeed});
  routes.push_back({"POST", "/settings/calendar-feeds/revoke", "/settings/calendar-feeds/revoke", false,
                    Permission::kChangeSettings, RevokeFeed});
  routes.push_back({"POST", "/api/calendar-feeds", "/api/calendar-feeds", false, Permission::kChangeSettings, CreateFeed});
  routes.push_back({"POST", "/api/calendar-feeds/revoke", "/api/calendar-feeds/revoke", false,
                    Permission::kChangeSettings, RevokeFeed});
}

}  // namespace ringback::web
