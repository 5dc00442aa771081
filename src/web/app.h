// What every route handler shares: the store (one SQLite connection, so one request at a time
// touches it), the company config, the clock, and the signed-in user of the request. Internal
// to src/web; the public entry points are in server.h.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
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
};

struct App {
  // Guards everything below that is not itself thread-safe. The router holds it around every
  // handler (server.cc); the sign-in lets go of it for the Argon2id check (session_routes.cc).
  std::mutex mu;
  std::unique_ptr<Store> store;
  std::string db_path;
  std::string config_path;
  CompanyConfig config;
  std::shared_ptr<const Classifier> classifier;
  std::optional<Timestamp> fixed_now;  // --as-of: "now" for demos and tests
  std::string assets_dir;              // npm assets (htmx) served under /static/vendor/
  std::string upload_dir;
  bool secure_cookie = false;
  // Live intake (docs/web.md): the base URL Twilio requests, and the secrets from the
  // environment. An empty secret turns its hooks off (404).
  std::string public_url;
  std::string twilio_auth_token;
  std::string form_secret;
  std::map<std::string, StagedImport> staged;  // by token
  LoginThrottle throttle;
  Metrics metrics;
  // Bumped by every Rebuild: what was computed from the queue at an older generation is stale.
  std::uint64_t generation = 0;
  // report.html by week, with the generation and minute it was made for.
  std::map<std::string, std::tuple<std::uint64_t, Timestamp, std::string>> report_cache;
  // Tests only (ServeOptions::on_inspect): runs while an upload is inspected, without `mu`.
  std::function<void()> on_inspect;

  Timestamp Now() const;
  // Rebuilds the derived queue as of Now(): after every change a person makes.
  Status Rebuild();
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

  // Who acts, as the timeline and ticks name them: the roster name, else the login.
  std::string Actor() const { return user.person.empty() ? user.login : user.person; }
  // A query or form field (url-encoded or multipart); a JSON body field for the API, which
  // must be a string when present (anything else is answered 400, never coerced).
  std::string Param(const std::string& name) const;
  // A yes/no field: a JSON boolean for the API (required); "true"/"1" or "false"/"0" in a form.
  bool BoolParam(const std::string& name) const;
  const Json& Body() const;                          // the API's JSON body ({} when none)
  mutable std::optional<Json> body_;
  // The router's hold on app.mu for this request (Dispatch takes it before the handler).
  std::unique_lock<std::mutex>* lock = nullptr;

  // Runs `f` with app.mu released, then takes it again (also when `f` throws). For slow work
  // on what the handler copied under the lock, such as an upload's inspection: other people's
  // requests are answered meanwhile. `f` must not touch the App.
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

// Answers one request on `route`, as the server does for each: under app.mu, sign-in from the
// session cookie, the CSRF check on POST, the role check, then the handler; errors become pages
// or JSON; security headers and metrics. (The fuzz harness fuzz/http_fuzz.cc calls it too.)
void Dispatch(App& app, const Route& route, const httplib::Request& req, httplib::Response& res);

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
