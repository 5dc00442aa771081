// Signing in and out, and the routes that need no sign-in: health, metrics, static files.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/embedded.h"
#include "web/app.h"
#include "web/password.h"
#include "web/tokens.h"

namespace ringback::web {
namespace {

constexpr const char* kLoginCookie = "rb_login";  // double-submit CSRF token of the sign-in form
constexpr Seconds kSessionLife = std::chrono::hours(12);

std::string CookieAttributes(const App& app, Seconds life) {
  return "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(life.count()) +
         (app.secure_cookie ? "; Secure" : "");
}

Timestamp Clock() { return std::chrono::floor<Seconds>(std::chrono::system_clock::now()); }

// Only a path on this site: never "//evil.example", "https://..." or "/\t/evil.example"
// (browsers drop tabs and read "\\" as "/"): plain path and query characters only.
std::string SafeNext(const std::string& next) {
  const bool plain = std::all_of(next.begin(), next.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("/_.~?=&%-").find(c) != std::string_view::npos;
  });
  if (plain && next.size() > 1 && next.size() <= 512 && next[0] == '/' && next[1] != '/') return next;
  return "/";
}

void ShowLogin(Context& ctx, const std::string& error, int status) {
  std::string token = CookieValue(ctx.req, kLoginCookie);
  if (token.size() != 64) {
    token = RandomToken();
    ctx.res.set_header("Set-Cookie", std::string(kLoginCookie) + "=" + token + CookieAttributes(ctx.app, std::chrono::hours(1)));
  }
  ctx.session.csrf_token = token;
  SendPage(ctx, "login", "Sign in",
           {{"error", error}, {"next", SafeNext(ctx.req.get_param_value("next"))}, {"login", ctx.req.get_param_value("login")}},
           status);
}

// Checks the password (and the throttle); on success opens a session and sets its cookie.
// Returns an error message, empty on success, and the status to answer with.
std::pair<std::string, int> OpenSession(Context& ctx, const std::string& login_raw, const std::string& password) {
  std::string login = login_raw;
  for (char& c : login) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string address = ctx.req.remote_addr;
  // No real login or password is this long: refuse before either reaches the throttle's maps
  // or Argon2 (a flood of huge made-up logins must not grow memory).
  if (login.size() > 64 || password.size() > 1024) {
    ctx.app.throttle.RecordFailure("", address, Clock());
    ctx.app.metrics.RecordLogin(false);
    return {"Wrong login or password.", 401};
  }
  if (const Seconds wait = ctx.app.throttle.Wait(login, address, Clock()); wait > Seconds(0)) {
    ctx.app.metrics.RecordThrottled();
    ctx.res.set_header("Retry-After", std::to_string(wait.count()));
    const std::int64_t minutes = (wait.count() + 59) / 60;
    return {"Too many failed sign-ins for this login from here. Try again in " +
                (wait.count() < 60 ? std::to_string(wait.count()) + " seconds"
                                   : std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes")) +
                ", or ask the owner to reset the password.",
            429};
  }
  // The account signs in once for every company of this server it is a member of.
  StatusOr<Account> account = ctx.store().GetAccount(login);
  const std::string hash = account.ok() ? account->password_hash : DecoyHash();
  // Argon2id takes ~50 ms of one core on purpose: no lock is held here, and the connection goes
  // back to the pool meanwhile. The account is read again afterwards: it may have been
  // disabled, or its password changed, meanwhile.
  ctx.lease.Release();
  bool ok = VerifyPassword(password, hash);
  if (ok && account.ok()) {
    StatusOr<Account> now = ctx.store().GetAccount(login);
    if (!now.ok() || now->password_hash != hash) ok = false;
    else account = std::move(now);
  }
  const Membership* chosen = nullptr;
  if (ok && account.ok()) {
    ctx.memberships = ServedMemberships(ctx.app, *account);
    chosen = ChooseMembership(ctx.app, ctx.memberships, ctx.app.home);
  }
  ok = ok && chosen;  // a member of no company served here (or disabled in each) may not sign in
  ctx.app.metrics.RecordLogin(ok);
  if (!ok) {
    ctx.app.throttle.RecordFailure(login, address, Clock());
    return {"Wrong login or password.", 401};
  }
  ctx.app.throttle.RecordSuccess(login, address);
  const std::string token = RandomToken();
  SessionRecord session{Sha256Hex(token), login, RandomToken(), Clock(), Clock() + kSessionLife, chosen->company};
  if (Status s = ctx.store().PutSession(session); !s.ok()) throw HttpError{500, s.message()};
  ctx.res.set_header("Set-Cookie", "rb_session=" + token + CookieAttributes(ctx.app, kSessionLife));
  ctx.user = User{account->login, chosen->person, chosen->role, account->password_hash, account->created_at, false};
  ctx.session = session;
  ctx.UseCompany(*ctx.app.Find(chosen->company));
  return {"", 200};
}

void LoginPage(Context& ctx) { ShowLogin(ctx, "", 200); }

void LoginForm(Context& ctx) {
  const std::string cookie = CookieValue(ctx.req, kLoginCookie);
  if (!ConstantTimeEquals(cookie, ctx.req.get_param_value("csrf_token"))) {
    ShowLogin(ctx, "The sign-in form expired. Please try again.", 403);
    return;
  }
  auto [error, status] = OpenSession(ctx, ctx.req.get_param_value("login"), ctx.req.get_param_value("password"));
  if (!error.empty()) {
    ShowLogin(ctx, error, status);
    return;
  }
  Redirect(ctx, SafeNext(ctx.req.get_param_value("next")));
}

// Who is signed in, and where: /api/me's and the API sign-in's answer.
Json MeJson(const Context& ctx) {
  Json companies = Json::array();
  for (const Membership& m : ctx.memberships)
    companies.push_back({{"company", m.company}, {"role", std::string(AccessRoleName(m.role))}, {"person", m.person}});
  return {{"login", ctx.user.login},
          {"person", ctx.user.person},
          {"role", std::string(AccessRoleName(ctx.user.role))},
          {"csrf_token", ctx.session.csrf_token},
          {"company", ctx.company->slug},
          {"companies", companies}};
}

void LoginApi(Context& ctx) {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which this server
  // never grants: that is the API sign-in's CSRF defence.
  if (ctx.req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
    throw HttpError{415, "Send the sign-in as application/json: {\"login\", \"password\"}."};
  auto [error, status] = OpenSession(ctx, ctx.Param("login"), ctx.Param("password"));
  if (!error.empty()) throw HttpError{status, error};
  SendJson(ctx, MeJson(ctx));
}

void Logout(Context& ctx) {
  (void)ctx.store().DeleteSession(ctx.session.token_hash);
  ctx.res.set_header("Set-Cookie", "rb_session=" + CookieAttributes(ctx.app, Seconds(0)));
  if (ctx.api) SendJson(ctx, {{"ok", true}});
  else Redirect(ctx, "/login", "Signed out.");
}

void Me(Context& ctx) { SendJson(ctx, MeJson(ctx)); }

// POST /company (company=SLUG): the signed-in person works in another of their companies from
// now on; the session records it. A company they are not a member of here is no page (404), as
// is every other company's work.
void SwitchCompany(Context& ctx) {
  const std::string slug = ctx.Param("company");
  const auto it = std::find_if(ctx.memberships.begin(), ctx.memberships.end(),
                               [&](const Membership& m) { return m.company == slug; });
  if (it == ctx.memberships.end()) throw HttpError{404, "No such company."};
  ctx.session.company = slug;
  if (Status s = ctx.store().PutSession(ctx.session); !s.ok()) throw HttpError{500, s.message()};
  ctx.user.person = it->person;
  ctx.user.role = it->role;
  // The change to this company is made: its turn goes before the request borrows a connection
  // of the next company, so that it never waits for a connection while holding a turn that
  // connections' holders wait for.
  if (ctx.lock && ctx.lock->owns_lock()) ctx.lock->unlock();
  ctx.UseCompany(*ctx.app.Find(slug));
  if (ctx.api) SendJson(ctx, MeJson(ctx));
  else Redirect(ctx, "/", "Now working in " + (ctx.config().name.empty() ? slug : ctx.config().name) + ".");
}

void Health(Context& ctx) {
  StatusOr<StoreCounts> counts = ctx.store().Counts();
  if (!counts.ok()) {
    SendJson(ctx, {{"status", "error"}, {"database", counts.status().message()}}, 503);
    return;
  }
  ctx.res.status = 200;
  ctx.res.set_content("{\"status\":\"ok\"}\n", "application/json");
}

void MetricsPage(Context& ctx) {
  std::map<std::string, std::pair<std::string, double>> gauges;
  StatusOr<StoreCounts> counts = ctx.store().Counts();
  if (counts.ok()) {
    gauges["ringback_signals"] = {"Signals in the database.", static_cast<double>(counts->signals)};
    gauges["ringback_opportunities"] = {"Rows of the derived queue.", static_cast<double>(counts->opportunities)};
  }
  double open = 0, overdue = 0;
  (void)ctx.store().ForEachOpportunity([&](const Opportunity& o) {
    open += o.status == OpportunityStatus::kOpen || o.status == OpportunityStatus::kAttempted;
    overdue += o.status == OpportunityStatus::kOverdue;
    return Status::Ok();
  });
  gauges["ringback_queue_waiting"] = {"Opportunities open or attempted, not overdue.", open};
  gauges["ringback_queue_overdue"] = {"Opportunities past their deadline with no attempt.", overdue};
  ctx.res.status = 200;
  ctx.res.set_content(ctx.app.metrics.Render(gauges), "text/plain; version=0.0.4; charset=utf-8");
}

void Static(Context& ctx) {
  const std::string name = ctx.req.matches[1];
  for (const auto& [path, bytes] : embedded::web()) {
    if (path != "web/static/" + name) continue;
    ctx.res.set_header("Cache-Control", "public, max-age=3600");
    ctx.res.set_content(std::string(bytes), name.ends_with(".css") ? "text/css" : "text/javascript");
    return;
  }
  throw HttpError{404, "No such file."};
}

void Vendor(Context& ctx) {
  // Only the one npm asset the pages use; nothing of the folder is browsable.
  std::ifstream in(ctx.app.assets_dir + "/htmx.org/dist/htmx.min.js", std::ios::binary);
  if (!in) throw HttpError{404, "htmx is not installed (scripts/setup runs npm ci in web/); pages work without it."};
  std::ostringstream body;
  body << in.rdbuf();
  ctx.res.set_header("Cache-Control", "public, max-age=3600");
  ctx.res.set_content(body.str(), "text/javascript");
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/login", "/login", true, std::nullopt, LoginPage});
  routes.push_back({"POST", "/login", "/login", true, std::nullopt, LoginForm});
  routes.push_back({"POST", "/api/login", "/api/login", true, std::nullopt, LoginApi});
  routes.push_back({"POST", "/logout", "/logout", false, std::nullopt, Logout});
  routes.push_back({"POST", "/api/logout", "/api/logout", false, std::nullopt, Logout});
  routes.push_back({"GET", "/api/me", "/api/me", false, std::nullopt, Me});
  routes.push_back({"POST", "/company", "/company", false, std::nullopt, SwitchCompany});
  routes.push_back({"POST", "/api/company", "/api/company", false, std::nullopt, SwitchCompany});
  routes.push_back({"GET", "/healthz", "/healthz", true, std::nullopt, Health});
  routes.push_back({"GET", "/metrics", "/metrics", true, std::nullopt, MetricsPage});
  routes.push_back({"GET", "/static/([a-z0-9_-]+\\.(?:css|js))", "/static/app.css", true, std::nullopt, Static});
  routes.push_back({"GET", "/static/vendor/htmx\\.min\\.js", "/static/vendor/htmx.min.js", true, std::nullopt, Vendor});
}

}  // namespace ringback::web
