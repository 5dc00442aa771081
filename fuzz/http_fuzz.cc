// HTTP requests as `ringback serve` reads and answers them: the transport's own reading of the
// bytes (web::ParseHttpRequest: Beast's parser with the server's limits, the head checks, query,
// url-encoded and multipart bodies; pipelined requests one after another), then the router
// (web::Dispatch: sign-in, CSRF, roles, the handler) answers over a store of the harness's own,
// hooks included. So that the fuzzer gets past the checks: a request with "X-Fuzz-As: admin"
// (office, tech) carries that person's session cookie and CSRF token, and one with
// "X-Fuzz-Sign: 1" is signed as Twilio (form body) and the form hook (any body) sign.
// Invariants: every answer has a status from 200 to 599 and never 500 (an internal error or an
// exception escaping a handler); a JSON answer parses; the company's write lock is released
// after each request.
#include <filesystem>
#include <regex>

#include "config/config_loader.h"
#include "fuzz/fuzz_support.h"
#include "store/store.h"
#include "web/app.h"
#include "web/http_server.h"
#include "web/tokens.h"
#include "web/webhook_signature.h"

using namespace ringback;
using namespace ringback::web;
namespace fs = std::filesystem;

namespace {

const Timestamp kNow = *ParseUtc("2026-11-23T14:00:00Z");
constexpr const char* kPublicUrl = "https://ringback.example.com";
constexpr const char* kTwilioToken = "12345678901234567890123456789012";
constexpr const char* kFormSecret = "form-secret";

struct FuzzUser {
  std::string login;
  AccessRole role;
  std::string token;
  SessionRecord session;
};

struct World {
  App app;
  CompanyConfig config;
  std::shared_ptr<const CompanySettings> settings;  // as loaded: restored before each request (a settings save changes it)
  std::vector<Route> routes;
  // The routes by method, compiled once, in table order (as WebServer's router holds them).
  std::vector<std::pair<std::regex, const Route*>> get, post;
  std::vector<FuzzUser> people;
};

// What the fuzzer cannot forge: a session, and the hooks' signatures.
void Prepare(World& w, httplib::Request& req) {
  if (const std::string as = req.get_header_value("X-Fuzz-As"); !as.empty()) {
    for (const FuzzUser& p : w.people) {
      if (p.login != as) continue;
      req.headers.emplace("Cookie", "rb_session=" + p.token);
      req.headers.emplace("X-CSRF-Token", p.session.csrf_token);
    }
  }
  if (req.get_header_value("X-Fuzz-Sign") == "1") {
    const std::string url = std::string(kPublicUrl) + req.target;
    req.headers.emplace("X-Twilio-Signature", TwilioSignature(kTwilioToken, url, ParseFormBody(req.body)));
    req.headers.emplace("X-Ringback-Signature", FormSignature(kFormSecret, req.body));
  }
}

void Check(const httplib::Response& res) {
  fuzz::Require(res.status >= 200 && res.status <= 599, "answer status out of range", std::to_string(res.status));
  fuzz::Require(res.status != 500, "an internal error (500)", res.body);
  if (res.get_header_value("Content-Type").starts_with("application/json"))
    fuzz::Require(Json::accept(res.body), "a JSON answer does not parse", res.body);
}

World& Setup() {
  static World* world = [] {
    auto* w = new World;
    const char* tmp = std::getenv("TMPDIR");
    const fs::path dir = fs::path(tmp && *tmp ? tmp : "/tmp") / ("ringback-http-fuzz-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string config_path = (dir / "company.toml").string();
    fs::copy_file(RINGBACK_SOURCE_DIR "/config/company.example.toml", config_path);
    StatusOr<CompanyConfig> config = LoadConfig(config_path);
    fuzz::Require(config.ok(), "the example config loads");
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore((dir / "rb.db").string());
    fuzz::Require(store.ok(), "a store opens");
    App& app = w->app;
    w->config = *config;
    app.db_path = (dir / "rb.db").string();
    app.pool = std::make_unique<StorePool>(app.db_path, 1);
    fuzz::Require(app.AddCompany("default", config_path).ok(), "the company is served");
    w->settings = app.Find("default")->CurrentSettings();
    app.fixed_now = kNow;
    app.assets_dir = (dir / "assets").string();
    app.upload_dir = (dir / "uploads").string();
    app.public_url = kPublicUrl;
    app.twilio_auth_token = kTwilioToken;
    app.form_secret = kFormSecret;
    Company& company = *app.Find("default");
    fuzz::Require(RebuildCompany(app, company, **store, *company.CurrentSettings()).ok(), "the empty queue builds");
    w->routes = AllRoutes();
    for (const Route& route : w->routes)
      (route.method == "GET" ? w->get : w->post).emplace_back(std::regex(route.pattern), &route);
    const Timestamp now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
    // A password hash nobody can match: the harness signs in by session, never by password.
    for (const auto& [login, person, role] : {std::tuple{"admin", "Maria Alvarez", AccessRole::kAdmin},
                                              std::tuple{"office", "Dana Brooks", AccessRole::kOffice},
                                              std::tuple{"tech", "Jake Turner", AccessRole::kTechnician}}) {
      FuzzUser p{login, role, RandomToken(), {}};
      p.session = {Sha256Hex(p.token), login, RandomToken(), now, now + std::chrono::hours(24 * 365)};
      fuzz::Require((*store)->PutUser({login, person, role, "$argon2id$v=19$m=65536,t=2,p=1$x$y", now, false}).ok(),
                    "a user is stored");
      w->people.push_back(p);
    }
    return w;
  }();
  return *world;
}

// The server's router: GET (and HEAD) and POST to the first route whose pattern matches the
// whole path, then Dispatch; other methods and unknown paths never reach a handler.
void Answer(World& w, httplib::Request& req) {
  const bool read = req.method == "GET" || req.method == "HEAD";
  if (!read && req.method != "POST") return;
  for (const auto& [pattern, route] : read ? w.get : w.post) {
    if (!std::regex_match(req.path, req.matches, pattern)) continue;
    Prepare(w, req);
    httplib::Response res;
    Dispatch(w.app, *route, req, res);
    if (res.status == -1) res.status = 200;
    Check(res);
    Company& company = *w.app.Find("default");
    fuzz::Require(company.write_mu.try_lock(), "the company's write lock is still held after a request");
    company.write_mu.unlock();
    return;
  }
}

}  // namespace

// The store, classifier and first rebuild take seconds under the sanitizers: made before the
// first input, so they do not count against its time.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)Setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& w = Setup();
  // Each request starts from the same people, sessions, config and no staged uploads.
  const Timestamp now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
  {
    StatusOr<StorePool::Lease> store = w.app.pool->Acquire("default");  // given back before the request
    fuzz::Require(store.ok(), "a store is lent");
    for (const FuzzUser& p : w.people) {
      (void)(*store)->PutUser({p.login, p.login == "admin" ? "Maria Alvarez" : p.login == "office" ? "Dana Brooks" : "Jake Turner",
                                p.role, "$argon2id$v=19$m=65536,t=2,p=1$x$y", now, false});
      (void)(*store)->PutSession(p.session);
    }
  }
  w.app.Find("default")->ReplaceSettings(w.settings);
  w.app.staged.clear();

  // The bytes as a connection reads them (the transport's parser, limits and body parsing),
  // request after request while they are pipelined; a request the transport answers itself
  // (400, 411, 413, 414, 431) closes the connection.
  HttpLimits limits;
  limits.max_body = 1024 * 1024;
  const HttpPeer peer{"127.0.0.1", 40000, "127.0.0.1", 8080};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (int n = 0; n < 8 && !bytes.empty(); ++n) {
    ParsedHttpRequest parsed = ParseHttpRequest(bytes, limits, peer);
    fuzz::Require(parsed.used <= bytes.size(), "the parser took more bytes than there were");
    if (parsed.status == -1) break;  // a connection would wait for the rest
    if (parsed.status != 0) {
      fuzz::Require(parsed.status == 400 || parsed.status == 411 || parsed.status == 413 || parsed.status == 414 ||
                        parsed.status == 431,
                    "the transport answered an unknown status", std::to_string(parsed.status));
      break;
    }
    Answer(w, parsed.request);
    if (parsed.used == 0) break;
    bytes.remove_prefix(parsed.used);
  }
  return 0;
}
