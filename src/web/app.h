// What every route handler shares: the pool of store connections, the companies served with
// their configs, the clock, and the signed-in user of the request. Internal to src/web; the
// public entry points are in server.h.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "classify/classifier.h"
#include "core/account.h"
#include "core/company_config.h"
#include "store/store.h"
#include "store/store_pool.h"
#include "web/access.h"
#include "web/login_throttle.h"
#include "web/metrics.h"

namespace ringback::web {

using Json = nlohmann::json;

// An upload that was inspected and waits for the person to confirm it.
struct StagedImport {
  std::string path;          // the saved copy
  std::string display_name;  // the name it had on the person's computer
  std::string login;         // only they may confirm it
  Timestamp at{};
  std::string company;       // and only into the company it was uploaded to
};

// A company's config and the classifier built from it: replaced as one by a settings save, while
// the requests that began before it finish with the one they took.
struct CompanySettings {
  CompanyConfig config;
  std::shared_ptr<const Classifier> classifier;
};

// One company the server serves (ServeOptions::companies): its config file and what the server
// keeps of it between requests, each part with its own lock.
struct Company {
  std::string slug;
  std::string config_path;  // the settings page edits this file

  std::shared_ptr<const CompanySettings> CurrentSettings() const;
  void ReplaceSettings(std::shared_ptr<const CompanySettings> settings);

  // The company's changes take turns (the router holds it around every POST of a signed-in
  // person or a webhook, never around a read): as the database would order them anyway, and so
  // that a handler's read-then-write (a live call's callbacks) is not interleaved with another's.
  std::mutex write_mu;
  // Bumped after every change to the queue: what was computed from it at an older generation is
  // stale.
  std::atomic<std::uint64_t> generation{0};
  // report.html by week, with the generation and minute it was made for.
  std::mutex report_mu;
  std::map<std::string, std::tuple<std::uint64_t, Timestamp, std::string>> report_cache;

 private:
  mutable std::mutex settings_mu_;
  std::shared_ptr<const CompanySettings> settings_;
};

// What every request shares. Nothing here is guarded by one lock: a request borrows a store
// connection of its own from `pool`, reads its company's settings as a snapshot, and the few
// shared maps (staged uploads, the throttle, the metrics, each company's report cache) lock
// themselves.
struct App {
  std::string db_path;
  // At most one store per worker (ServeOptions::http.workers): a request holds one at a time.
  std::unique_ptr<StorePool> pool;
  // The companies served, by slug; set up before the server starts, then only read.
  std::map<std::string, std::unique_ptr<Company>> companies;
  std::string home;  // the first company (--company): the sign-in page, health, metrics, hooks
  std::optional<Timestamp> fixed_now;  // --as-of: "now" for demos and tests
  std::string assets_dir;              // npm assets (htmx) served under /static/vendor/
  std::string upload_dir;
  bool secure_cookie = false;
  // Live intake (docs/web.md): the base URL Twilio requests, and the secrets from the
  // environment. An empty secret turns its hooks off (404).
  std::string public_url;
  std::string twilio_auth_token;
  std::string form_secret;
  std::mutex staged_mu;
  std::map<std::string, StagedImport> staged;  // by token, under staged_mu
  LoginThrottle throttle;
  Metrics metrics;
  // Tests only (ServeOptions::on_inspect): runs while an upload is inspected, without the lock.
  std::function<void()> on_inspect;

  Timestamp Now() const;
  // The company served as `slug`; null when this server does not serve it.
  Company* Find(const std::string& slug) const;
  // Registers a company to serve with its config file (loaded and checked here).
  Status AddCompany(const std::string& slug, const std::string& config_path);
};

// One request as a handler sees it. `api`: the route is under /api/ and answers JSON.
struct Context {
  const httplib::Request& req;
  httplib::Response& res;
  App& app;
  User user;
  SessionRecord session;
  bool api = false;
  std::string flash;  // the message of the action that redirected here (rb_flash cookie)
  // The company the request works in: the session's, else the home one (public routes, hooks).
  Company* company = nullptr;
  std::shared_ptr<const CompanySettings> settings;  // the company's, as the request began
  // Every company the signed-in person may work in on this server, by slug.
  std::vector<Membership> memberships;

  // Who acts, as the timeline and ticks name them: the roster name, else the login.
  std::string Actor() const { return user.person.empty() ? user.login : user.person; }
  const CompanyConfig& config() const { return settings->config; }
  // This request's store, bound to its company: borrowed from the pool on first use and given
  // back when the request ends.
  Store& store();
  // Works in company `c` from now on (the store and settings follow).
  void UseCompany(Company& c);
  // Rebuilds the derived queue as of Now(): after every change a person makes.
  Status Rebuild();
  // The change is made: cached pages of the company are stale.
  void Changed() { ++company->generation; }
  // A query or form field (url-encoded or multipart); a JSON body field for the API, which
  // must be a string when present (anything else is answered 400, never coerced).
  std::string Param(const std::string& name) const;
  // A yes/no field: a JSON boolean for the API (required); "true"/"1" or "false"/"0" in a form.
  bool BoolParam(const std::string& name) const;
  const Json& Body() const;                          // the API's JSON body ({} when none)
  mutable std::optional<Json> body_;
  // The router's hold on the company's write_mu for this request (POSTs only), or null.
  std::unique_lock<std::mutex>* lock = nullptr;
  StorePool::Lease lease;

  // Runs `f` with the company's write lock released, then takes it again (also when `f`
  // throws). For slow work on what the handler copied, such as an upload's inspection: the
  // company's other changes go ahead meanwhile. `f` must not touch the App.
  template <typename F>
  decltype(auto) Unlocked(F&& f) {
    struct Relock {
      std::unique_lock<std::mutex>* held;
      ~Relock() {
        if (held) held->lock();
      }
    } relock{lock && lock->owns_lock() ? lock : nullptr};
    if (relock.held) relock.held->unlock();
    return f();
  }
};

// An error the handler reports: the router turns it into an HTML page or a JSON object.
struct HttpError {
  int status;
  std::string message;
};

using Handler = std::function<void(Context&)>;

// How a route that needs no session proves who is calling: the handler checks it first.
enum class Proof {
  kSession,    // the session cookie, a CSRF token on POST, then the role: every other route
  kSignature,  // a webhook: its sender's signature over the request (hooks.h), no cookie, no CSRF
  kSecretUrl,  // a calendar subscription: the secret token in the path (its hash is stored)
};

struct Route {
  std::string method;   // "GET" or "POST"
  std::string pattern;  // a cpp-httplib regex ("/o/(R-[0-9a-f]+)")
  std::string example;  // a concrete path that matches, for tests ("/o/R-0123456789")
  bool public_route = false;  // no sign-in needed (login, health, metrics, static files)
  std::optional<Permission> need;
  Handler handler;
  Proof proof = Proof::kSession;
};

// Whether the router signs the request in (and checks CSRF on POST) before the handler.
inline bool NeedsSession(const Route& route) { return !route.public_route && route.proof == Proof::kSession; }

// Answers one request on `route`, as the server does for each: sign-in from the session cookie
// (which picks the company), the CSRF check on POST, the role check, then the handler (a POST
// under its company's write lock); errors become pages
// or JSON; security headers and metrics. (The fuzz harness fuzz/http_fuzz.cc calls it too.)
void Dispatch(App& app, const Route& route, const httplib::Request& req, httplib::Response& res);

// The account's memberships in companies this server serves, not disabled, by slug.
std::vector<Membership> ServedMemberships(const App& app, const Account& account);
// The company a signed-in person works in: `wanted` when among `memberships`, else the home
// company, else the first; null when there is none.
const Membership* ChooseMembership(const App& app, const std::vector<Membership>& memberships,
                                   const std::string& wanted);
// Rebuilds the company's derived queue as of app.Now() on `store` (bound to it).
Status RebuildCompany(App& app, Company& company, Store& store, const CompanySettings& settings);

// Every route of the app, pages and API: the router and the tests read this one table.
std::vector<Route> AllRoutes();

// The route groups, defined beside their handlers.
void AddSessionRoutes(std::vector<Route>& routes);
void AddBoardRoutes(std::vector<Route>& routes);
void AddOpportunityRoutes(std::vector<Route>& routes);
void AddImportRoutes(std::vector<Route>& routes);
void AddReviewRoutes(std::vector<Route>& routes);
void AddToolRoutes(std::vector<Route>& routes);
void AddSettingsRoutes(std::vector<Route>& routes);
void AddHookRoutes(std::vector<Route>& routes);     // webhooks and calendar feeds (hook_routes.cc)

// Answers: a page rendered from templates/web/NAME.mustache inside the layout, JSON, or a
// redirect (303 See Other, so a reload does not post the form again).
void SendPage(Context& ctx, const std::string& name, const std::string& title, Json model, int status = 200);
void SendJson(Context& ctx, const Json& value, int status = 200);
void Redirect(Context& ctx, const std::string& to, const std::string& message = "");
// The usual end of an action: JSON {ok, message, ...extra} for the API, a redirect otherwise.
void Done(Context& ctx, const std::string& redirect_to, const std::string& message, Json extra = Json::object());

// The settings page's model for the signed-in person (the config text for an admin).
Json SettingsPageModel(Context& ctx);

// Renders a template of templates/web with `model` (every value HTML-escaped).
std::string RenderTemplate(const std::string& name, const Json& model);

// Times in the company's zone, as the pages show them.
std::string Local(Timestamp t, const CompanyConfig& config, const char* format = "%a %m/%d %I:%M %p");

// The value of cookie `name` of the request, empty when absent.
std::string CookieValue(const httplib::Request& req, const std::string& name);

// URL-encodes a query value.
std::string UrlEncode(const std::string& text);

}  // namespace ringback::web
