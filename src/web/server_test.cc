// `ringback serve` in-process: the real server on a free port over the audited sample week,
// spoken to over HTTP. Sign-in, sessions, CSRF and roles are checked for every route of
// web::AllRoutes(), so a route added later is covered without touching this file.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <filesystem>
#include <functional>
#include <fstream>
#include <future>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "config/config_loader.h"
#include "pipeline/audit.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "web/app.h"
#include "web/password.h"
#include "web/server.h"
#include "web/tokens.h"
#include "web/webhook_signature.h"

namespace ringback::web {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kSource = RINGBACK_SOURCE_DIR;
const Timestamp kAsOf = *ParseUtc("2026-11-23T14:00:00Z");  // Monday 08:00 in the company's zone

constexpr const char* kMariaPassword = "maria-owner-pass-1";
constexpr const char* kDanaPassword = "dana-office-pass-2";
constexpr const char* kJakePassword = "jake-technician-pass-3";
constexpr const char* kJake = "Jake Turner";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool Waiting(OpportunityStatus s) {
  return s == OpportunityStatus::kOpen || s == OpportunityStatus::kOverdue || s == OpportunityStatus::kAttempted;
}

// The sample week audited once per process, with three accounts, and the opportunities the
// tests act on.
struct Base {
  fs::path dir;
  fs::path db;
  std::vector<std::string> open;     // open work with an owner (ids are stable; owners may move)
  std::vector<std::string> stopped;  // do_not_contact with a stop in force, one per contact
  std::string error;
};

const Base& BaseData() {
  static const Base base = [] {
    Base b;
    b.dir = fs::temp_directory_path() / ("ringback-web-test-" + std::to_string(::getpid()));
    fs::remove_all(b.dir);
    fs::create_directories(b.dir);
    b.db = b.dir / "base.db";
    StatusOr<CompanyConfig> config = LoadConfig(kSource + "/config/company.example.toml");
    if (!config.ok()) {
      b.error = config.status().ToString();
      return b;
    }
    AuditOptions options;
    options.inputs = {kSource + "/examples/sample-week/exports"};
    options.db_path = b.db.string();
    options.as_of = kAsOf;
    StatusOr<AuditResult> audit = RunAudit(*config, options);
    if (!audit.ok()) {
      b.error = "audit: " + audit.status().ToString();
      return b;
    }
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(b.db.string());
    if (!store.ok()) {
      b.error = store.status().ToString();
      return b;
    }
    const std::vector<std::tuple<std::string, std::string, AccessRole, std::string>> users = {
        {"maria", "Maria Alvarez", AccessRole::kAdmin, kMariaPassword},
        {"dana", "Dana Brooks", AccessRole::kOffice, kDanaPassword},
        {"jake", kJake, AccessRole::kTechnician, kJakePassword}};
    for (const auto& [login, person, role, password] : users) {
      StatusOr<std::string> hash = HashPassword(password);
      if (!hash.ok()) {
        b.error = hash.status().ToString();
        return b;
      }
      if (Status s = (*store)->PutUser({login, person, role, *hash, kAsOf, false}); !s.ok()) {
        b.error = s.ToString();
        return b;
      }
    }
    std::set<std::string> stopped_contacts;
    Status s = (*store)->ForEachOpportunity([&](const Opportunity& o) {
      if (!o.duplicate_of.empty()) return Status::Ok();
      if (Waiting(o.status) && !o.owner.empty()) b.open.push_back(o.id);
      if (o.status == OpportunityStatus::kDoNotContact && stopped_contacts.insert(o.contact_key).second) {
        StatusOr<std::optional<Suppression>> stop = (*store)->StopFor(o.contact_key);
        if (stop.ok() && stop->has_value()) b.stopped.push_back(o.id);
      }
      return Status::Ok();
    });
    if (!s.ok()) b.error = s.ToString();
    return b;
  }();
  return base;
}

struct BaseCleanup : ::testing::Environment {
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("ringback-web-test-" + std::to_string(::getpid())), ec);
  }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new BaseCleanup);

// One running server on a copy of the base database and of the example config.
class Harness {
 public:
  static std::unique_ptr<Harness> Start(const std::string& name, std::string* error, bool secure_cookie = false,
                                        const std::function<void(ServeOptions&)>& adjust = nullptr) {
    const Base& base = BaseData();
    if (!base.error.empty()) {
      *error = base.error;
      return nullptr;
    }
    auto h = std::unique_ptr<Harness>(new Harness());
    h->dir = base.dir / name;
    fs::remove_all(h->dir);
    fs::create_directories(h->dir);
    h->db = h->dir / "rb.db";
    h->config = h->dir / "company.toml";
    fs::copy_file(base.db, h->db);
    fs::copy_file(kSource + "/config/company.example.toml", h->config);
    ServeOptions options;
    options.db_path = h->db.string();
    options.config_path = h->config.string();
    options.as_of = kAsOf;
    options.assets_dir = (h->dir / "no-assets").string();
    options.secure_cookie = secure_cookie;
    if (adjust) adjust(options);
    StatusOr<std::unique_ptr<WebServer>> server = WebServer::Open(options);
    if (!server.ok()) {
      *error = "open: " + server.status().ToString();
      return nullptr;
    }
    h->server = std::move(server).value();
    StatusOr<int> port = h->server->Bind("127.0.0.1", 0);
    if (!port.ok()) {
      *error = "bind: " + port.status().ToString();
      return nullptr;
    }
    h->port = *port;
    h->thread = std::thread([s = h->server.get()] { s->Run(); });
    // The port listens since Bind; the first answer shows the loop runs (so Stop() stops it).
    httplib::Client client("127.0.0.1", h->port);
    client.set_read_timeout(30, 0);
    httplib::Result r = client.Get("/healthz");
    if (!r || r->status != 200) {
      *error = "the server does not answer /healthz";
      return nullptr;
    }
    return h;
  }

  ~Harness() {
    if (server) server->Stop();
    if (thread.joinable()) thread.join();
    server.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  fs::path dir, db, config;
  int port = 0;
  std::unique_ptr<WebServer> server;
  std::thread thread;

 private:
  Harness() = default;
};

struct Session {
  std::string token;       // the rb_session cookie's value
  std::string csrf;        // the session's CSRF token
  std::string set_cookie;  // the Set-Cookie header that opened it
  std::string Cookie() const { return "rb_session=" + token; }
};

int StatusOf(const httplib::Result& r) { return r ? r->status : -1; }
std::string BodyOf(const httplib::Result& r) { return r ? r->body : std::string("<no answer: ") + httplib::to_string(r.error()) + ">"; }

Json JsonOf(const httplib::Result& r) {
  if (!r) return Json();
  return Json::parse(r->body, nullptr, false);
}

httplib::Client ClientFor(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60, 0);
  client.set_write_timeout(60, 0);
  return client;
}

httplib::Headers With(const Session* s, const std::string& csrf_header = "") {
  httplib::Headers h;
  if (s) h.emplace("Cookie", s->Cookie());
  if (!csrf_header.empty()) h.emplace("X-CSRF-Token", csrf_header);
  return h;
}

httplib::Result Get(int port, const std::string& path, const Session* s = nullptr) {
  return ClientFor(port).Get(path.c_str(), With(s));
}

// An API call: JSON body, the CSRF token in the X-CSRF-Token header.
httplib::Result PostJson(int port, const std::string& path, const std::string& body, const Session* s,
                         const std::string& csrf) {
  return ClientFor(port).Post(path.c_str(), With(s, csrf), body, "application/json");
}
httplib::Result PostJson(int port, const std::string& path, const Json& body, const Session* s) {
  return PostJson(port, path, body.dump(), s, s ? s->csrf : "");
}

// A page form: url-encoded fields, the CSRF token as the csrf_token field (when not empty).
httplib::Result PostForm(int port, const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                         const Session* s, const std::string& csrf, const std::string& extra_cookie = "") {
  std::string body;
  if (!csrf.empty()) body = "csrf_token=" + UrlEncode(csrf);
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + k + "=" + UrlEncode(v);
  httplib::Headers headers;
  std::string cookie = s ? s->Cookie() : "";
  if (!extra_cookie.empty()) cookie += (cookie.empty() ? "" : "; ") + extra_cookie;
  if (!cookie.empty()) headers.emplace("Cookie", cookie);
  return ClientFor(port).Post(path.c_str(), headers, body, "application/x-www-form-urlencoded");
}

// A page form sent as multipart/form-data, as the settings page sends it.
httplib::Result PostMultipart(int port, const std::string& path,
                              const std::vector<std::pair<std::string, std::string>>& fields, const Session* s,
                              const std::string& csrf) {
  httplib::MultipartFormDataItems items;
  if (!csrf.empty()) items.push_back({"csrf_token", csrf, "", ""});
  for (const auto& [k, v] : fields) items.push_back({k, v, "", ""});
  httplib::Headers headers;
  if (s) headers.emplace("Cookie", s->Cookie());
  return ClientFor(port).Post(path.c_str(), headers, items);
}

// The value of cookie `name` in a Set-Cookie header ("name=value; Path=/; ...").
std::string SetCookieValue(const std::string& header, const std::string& name) {
  if (!header.starts_with(name + "=")) return "";
  const std::size_t end = header.find(';');
  return header.substr(name.size() + 1, end == std::string::npos ? std::string::npos : end - name.size() - 1);
}

Session Login(int port, const std::string& login, const std::string& password) {
  Session s;
  httplib::Result r = ClientFor(port).Post("/api/login", Json{{"login", login}, {"password", password}}.dump(),
                                           "application/json");
  EXPECT_EQ(StatusOf(r), 200) << login << ": " << BodyOf(r);
  if (StatusOf(r) != 200) return s;
  s.set_cookie = r->get_header_value("Set-Cookie");
  s.token = SetCookieValue(s.set_cookie, "rb_session");
  const Json body = JsonOf(r);
  if (body.is_object() && body.contains("csrf_token")) s.csrf = body["csrf_token"].get<std::string>();
  EXPECT_EQ(s.token.size(), 64u) << s.set_cookie;
  EXPECT_EQ(s.csrf.size(), 64u) << r->body;
  return s;
}

bool IsApi(const std::string& path) { return path.starts_with("/api/"); }

// Sends a route's example request: a GET, or a POST with an empty JSON object (API) or an empty
// form (pages). `csrf`: sent in the header (API) or the form (pages) when not empty.
httplib::Result Send(int port, const Route& route, const Session* s, const std::string& csrf) {
  if (route.method == "GET") return Get(port, route.example, s);
  if (IsApi(route.example)) return PostJson(port, route.example, "{}", s, csrf);
  return PostForm(port, route.example, {}, s, csrf);
}

std::string Describe(const Route& r) { return r.method + " " + r.example + " (" + r.pattern + ")"; }

// A raw HTTP exchange over a plain socket: what a client that is not a browser may send. Returns
// the head of the answer (status line and headers).
std::string RawExchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buf[4096];
    while (answer.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      answer.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  return answer;
}

const Json* TimelineEntry(const Json& detail, const std::string& kind) {
  if (!detail.contains("timeline")) return nullptr;
  for (const Json& e : detail["timeline"])
    if (e.value("kind", "") == kind) return &e;
  return nullptr;
}

std::string Joined(const Json& list) {
  std::string out;
  if (list.is_array())
    for (const Json& v : list) out += (v.is_string() ? v.get<std::string>() : v.dump()) + "\n";
  return out;
}

// --- the route table ------------------------------------------------------------------

TEST(AllRoutes, EveryExampleMatchesItsPatternAndRoutesAreUnique) {
  const std::vector<Route> routes = AllRoutes();
  ASSERT_GT(routes.size(), 30u);
  std::set<std::string> seen;
  for (const Route& r : routes) {
    EXPECT_TRUE(r.method == "GET" || r.method == "POST") << Describe(r);
    EXPECT_TRUE(std::regex_match(r.example, std::regex(r.pattern))) << "the example must reach the route: " << Describe(r);
    EXPECT_TRUE(seen.insert(r.method + " " + r.pattern).second) << "twice: " << Describe(r);
    EXPECT_TRUE(r.handler) << Describe(r);
  }
}

TEST(AllRoutes, OnlySignInHealthMetricsAndStaticFilesArePublic) {
  std::set<std::string> open;
  for (const Route& r : AllRoutes())
    if (r.public_route) open.insert(r.method + " " + r.example);
  EXPECT_EQ(open, (std::set<std::string>{"GET /login", "POST /login", "POST /api/login", "GET /healthz",
                                         "GET /metrics", "GET /static/app.css", "GET /static/vendor/htmx.min.js"}));
}

TEST(AllRoutes, OnlyTheHooksAndCalendarFeedsProveThemselvesWithoutASession) {
  std::set<std::string> own_proof;
  for (const Route& r : AllRoutes()) {
    if (r.proof == Proof::kSession) continue;
    own_proof.insert(r.method + " " + r.example);
    EXPECT_FALSE(r.public_route) << Describe(r) << ": proved by its signature or secret URL, not open to all";
    EXPECT_FALSE(r.need.has_value()) << Describe(r) << ": no session, so no role to check";
    EXPECT_EQ(r.proof == Proof::kSignature, r.method == "POST") << Describe(r);
  }
  EXPECT_EQ(own_proof, (std::set<std::string>{"POST /hooks/twilio/voice", "POST /hooks/twilio/transcription",
                                              "POST /hooks/twilio/sms", "POST /hooks/form/website",
                                              "GET /ical/" + std::string(64, '0') + ".ics"}));
}

TEST(ParseListen, AcceptsHostAndPortForms) {
  using HostPort = std::optional<std::pair<std::string, int>>;
  EXPECT_EQ(ParseListen("127.0.0.1:8080"), (HostPort{{"127.0.0.1", 8080}}));
  EXPECT_EQ(ParseListen(":0"), (HostPort{{"127.0.0.1", 0}}));
  EXPECT_EQ(ParseListen("8080"), (HostPort{{"127.0.0.1", 8080}}));
  EXPECT_EQ(ParseListen("[::1]:80"), (HostPort{{"::1", 80}}));
  EXPECT_EQ(ParseListen("0.0.0.0:65535"), (HostPort{{"0.0.0.0", 65535}}));
  EXPECT_EQ(ParseListen("localhost:3000"), (HostPort{{"localhost", 3000}}));
}

TEST(ParseListen, RejectsWhatIsNotHostAndPort) {
  for (const char* bad : {"", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:65536", "127.0.0.1:123456", "127.0.0.1:-1",
                          "[::1]", "[::1]:", "[::1]80", "80a", "host:8 0"})
    EXPECT_EQ(ParseListen(bad), std::nullopt) << "\"" << bad << "\"";
}

// --- the running server ---------------------------------------------------------------

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    harness_ = Harness::Start("main", &error).release();
    ASSERT_NE(harness_, nullptr) << error;
    admin_ = Login(harness_->port, "maria", kMariaPassword);
    office_ = Login(harness_->port, "dana", kDanaPassword);
    tech_ = Login(harness_->port, "jake", kJakePassword);
  }
  static void TearDownTestSuite() {
    delete harness_;
    harness_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(harness_, nullptr) << "the server did not start";
    ASSERT_FALSE(admin_.token.empty());
    ASSERT_FALSE(office_.token.empty());
    ASSERT_FALSE(tech_.token.empty());
    port_ = harness_->port;
  }

  const Base& base() const { return BaseData(); }

  // The queue as it is now (people's actions in other tests may have moved work between
  // people: assignment balances open work).
  std::vector<Opportunity> LiveQueue() {
    std::vector<Opportunity> rows;
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(harness_->db.string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return rows;
    EXPECT_TRUE((*store)->ForEachOpportunity([&](const Opportunity& o) {
      if (o.duplicate_of.empty() && Waiting(o.status)) rows.push_back(o);
      return Status::Ok();
    }).ok());
    return rows;
  }
  // Open work Jake owns (not by an escalation), and open work he is neither owner nor backup of.
  std::vector<std::string> Jakes() {
    std::vector<std::string> ids;
    for (const Opportunity& o : LiveQueue())
      if (o.owner == kJake && o.escalations == 0) ids.push_back(o.id);
    return ids;
  }
  std::string NotJakes() {
    for (const Opportunity& o : LiveQueue())
      if (!o.owner.empty() && o.owner != kJake && o.backup_owner != kJake) return o.id;
    return "";
  }

  Json Detail(const std::string& id, const Session& s) {
    httplib::Result r = Get(port_, "/api/opportunities/" + id, &s);
    EXPECT_EQ(StatusOf(r), 200) << BodyOf(r);
    return JsonOf(r);
  }

  static Harness* harness_;
  static Session admin_, office_, tech_;
  int port_ = 0;
};
Harness* ServerTest::harness_ = nullptr;
Session ServerTest::admin_, ServerTest::office_, ServerTest::tech_;

TEST_F(ServerTest, TheSampleWeekHasTheOpportunitiesTheseTestsNeed) {
  EXPECT_GE(Jakes().size(), 1u);
  EXPECT_FALSE(NotJakes().empty());
  EXPECT_GE(base().open.size(), 8u);
  EXPECT_GE(base().stopped.size(), 2u);
}

// authn

TEST_F(ServerTest, EveryPrivateRouteWithoutASessionIsRefused) {
  int checked = 0;
  for (const Route& route : AllRoutes()) {
    if (!NeedsSession(route)) continue;
    ++checked;
    httplib::Result r = Send(port_, route, nullptr, "");
    if (route.example == "/logout") {  // signing out of an ended session still lands on sign-in
      EXPECT_EQ(StatusOf(r), 303);
      if (r) {
        EXPECT_EQ(r->get_header_value("Location"), "/login");
      }
    } else if (IsApi(route.example) || route.method != "GET") {
      EXPECT_EQ(StatusOf(r), 401) << Describe(route) << ": " << BodyOf(r);
      if (IsApi(route.example)) {
        EXPECT_TRUE(JsonOf(r).contains("error")) << Describe(route) << ": " << BodyOf(r);
      }
    } else {
      EXPECT_EQ(StatusOf(r), 303) << Describe(route);
      if (r) {
        EXPECT_EQ(r->get_header_value("Location"), "/login?next=" + UrlEncode(route.example)) << Describe(route);
      }
    }
  }
  EXPECT_GT(checked, 30);
}

TEST_F(ServerTest, ForgedGarbageOrExpiredCookiesAreNoSession) {
  // An expired session, written where the server keeps them.
  const std::string expired_token = RandomToken();
  {
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(harness_->db.string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const Timestamp now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
    ASSERT_TRUE((*store)->PutSession({Sha256Hex(expired_token), "maria", RandomToken(), now - std::chrono::hours(13),
                                      now - std::chrono::minutes(1)}).ok());
  }
  const std::vector<Session> bad = {
      {RandomToken(), "", ""},         // well formed, never issued
      {"garbage", "", ""},             // not a token at all
      {admin_.token + "0", "", ""},    // one character too many
      {Sha256Hex(admin_.token), "", ""},  // the stored hash is not the cookie
      {expired_token, "", ""},
  };
  for (const Session& s : bad) {
    for (const Route& route : AllRoutes()) {
      if (!NeedsSession(route)) continue;
      httplib::Result r = Send(port_, route, &s, admin_.csrf);
      if (IsApi(route.example) || (route.method != "GET" && route.example != "/logout"))
        EXPECT_EQ(StatusOf(r), 401) << Describe(route) << " with cookie " << s.token;
      else
        EXPECT_EQ(StatusOf(r), 303) << Describe(route) << " with cookie " << s.token;
    }
  }
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &admin_)), 200) << "the real session still works";
}

TEST_F(ServerTest, ADisabledAccountsSessionStopsWorking) {
  const std::string token = RandomToken();
  {
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(harness_->db.string());
    ASSERT_TRUE(store.ok());
    StatusOr<User> dana = (*store)->GetUser("dana");
    ASSERT_TRUE(dana.ok());
    User temp = *dana;
    temp.login = "temp-office";
    ASSERT_TRUE((*store)->PutUser(temp).ok());
    const Timestamp now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
    ASSERT_TRUE((*store)->PutSession({Sha256Hex(token), "temp-office", RandomToken(), now, now + std::chrono::hours(1)}).ok());
  }
  const Session temp{token, "", ""};
  ASSERT_EQ(StatusOf(Get(port_, "/api/me", &temp)), 200);
  {
    StatusOr<sqlite::Database> db = sqlite::Database::Open(harness_->db.string());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("UPDATE memberships SET disabled = 1 WHERE login = 'temp-office'").ok());
  }
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &temp)), 401);
  EXPECT_EQ(StatusOf(Get(port_, "/", &temp)), 303);
}

// CSRF

TEST_F(ServerTest, EveryPrivatePostWithoutTheSessionsCsrfTokenIsForbidden) {
  int checked = 0;
  for (const Route& route : AllRoutes()) {
    if (!NeedsSession(route) || route.method != "POST") continue;
    ++checked;
    for (const std::string& token : {std::string(), RandomToken(), office_.csrf, admin_.csrf.substr(0, 63)}) {
      httplib::Result r = Send(port_, route, &admin_, token);
      EXPECT_EQ(StatusOf(r), 403) << Describe(route) << " with token \"" << token << "\": " << BodyOf(r);
      if (IsApi(route.example)) {
        EXPECT_TRUE(JsonOf(r).contains("error")) << Describe(route);
      }
    }
  }
  EXPECT_GT(checked, 15);
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &admin_)), 200) << "POST /logout without a token signed nobody out";
}

TEST_F(ServerTest, ATokenInTheQueryStringIsNotAcceptedForAnApiCall) {
  const std::string id = base().open.at(7);
  httplib::Result r = PostJson(port_, "/api/opportunities/" + id + "/outcome?csrf_token=" + admin_.csrf,
                               R"({"outcome":"reached"})", &admin_, "");
  EXPECT_EQ(StatusOf(r), 403) << BodyOf(r);
  EXPECT_NE(Detail(id, admin_).value("status", ""), "reached");
}

TEST_F(ServerTest, TheLoginFormNeedsItsCookieToken) {
  httplib::Result page = Get(port_, "/login");
  ASSERT_EQ(StatusOf(page), 200);
  const std::string cookie_token = SetCookieValue(page->get_header_value("Set-Cookie"), "rb_login");
  ASSERT_EQ(cookie_token.size(), 64u) << page->get_header_value("Set-Cookie");
  EXPECT_THAT(page->body, HasSubstr("name=\"csrf_token\" value=\"" + cookie_token + "\""));
  const std::vector<std::pair<std::string, std::string>> fields = {{"login", "dana"}, {"password", kDanaPassword}};
  // No rb_login cookie: the form could have come from anywhere.
  httplib::Result no_cookie = PostForm(port_, "/login", fields, nullptr, cookie_token);
  EXPECT_EQ(StatusOf(no_cookie), 403) << BodyOf(no_cookie);
  // A cookie, but a different token in the form.
  httplib::Result mismatch = PostForm(port_, "/login", fields, nullptr, RandomToken(), "rb_login=" + cookie_token);
  EXPECT_EQ(StatusOf(mismatch), 403);
  // Neither: empty equals empty must not pass.
  httplib::Result neither = PostForm(port_, "/login", fields, nullptr, "");
  EXPECT_EQ(StatusOf(neither), 403);
  for (const httplib::Result* r : {&no_cookie, &mismatch, &neither})
    if (*r) {
      EXPECT_EQ((*r)->get_header_value("Set-Cookie").find("rb_session="), std::string::npos);
    }
}

// sign-in and sessions

TEST_F(ServerTest, TheSessionCookieIsHttpOnlyAndSameSiteStrict) {
  const std::string& c = admin_.set_cookie;
  EXPECT_THAT(c, StartsWith("rb_session="));
  EXPECT_THAT(c, HasSubstr("; HttpOnly"));
  EXPECT_THAT(c, HasSubstr("; SameSite=Strict"));
  EXPECT_THAT(c, HasSubstr("; Path=/"));
  EXPECT_THAT(c, Not(HasSubstr("Secure"))) << "plain HTTP unless --secure-cookie";
}

TEST_F(ServerTest, OnlyGroupsWithOverdueWorkShowAnOverdueBadge) {
  httplib::Result board = Get(port_, "/?status=all", &admin_);
  ASSERT_EQ(StatusOf(board), 200);
  EXPECT_THAT(board->body, HasSubstr("overdue</span>")) << "the sample week has overdue work";
  EXPECT_THAT(board->body, Not(HasSubstr(">0 overdue<"))) << "a group with nothing overdue says nothing";
}

TEST_F(ServerTest, TheFormSignInRedirectsToTheLocalNextPageOnly) {
  httplib::Result page = Get(port_, "/login?next=/settings");
  ASSERT_EQ(StatusOf(page), 200);
  const std::string cookie_token = SetCookieValue(page->get_header_value("Set-Cookie"), "rb_login");
  for (const auto& [next, expected] : std::vector<std::pair<std::string, std::string>>{
           {"/settings", "/settings"}, {"//evil.example/x", "/"}, {"https://evil.example/", "/"}, {"/\\evil", "/"}, {"/\t/evil.example", "/"}}) {
    httplib::Result r = PostForm(port_, "/login", {{"login", "Dana"}, {"password", kDanaPassword}, {"next", next}},
                                 nullptr, cookie_token, "rb_login=" + cookie_token);
    ASSERT_EQ(StatusOf(r), 303) << next << ": " << BodyOf(r);
    EXPECT_EQ(r->get_header_value("Location"), expected) << next;
    const Session s{SetCookieValue(r->get_header_value("Set-Cookie"), "rb_session"), "", ""};
    ASSERT_EQ(s.token.size(), 64u) << "logins are not case sensitive";
    httplib::Result board = Get(port_, "/", &s);
    EXPECT_EQ(StatusOf(board), 200);
    EXPECT_THAT(BodyOf(board), HasSubstr("Dana Brooks"));
  }
}

TEST_F(ServerTest, WrongPasswordOrUnknownLoginIsTheSame401) {
  httplib::Result wrong = PostJson(port_, "/api/login", Json{{"login", "maria"}, {"password", "not her password"}}, nullptr);
  httplib::Result unknown = PostJson(port_, "/api/login", Json{{"login", "nobody"}, {"password", "whatever it is"}}, nullptr);
  EXPECT_EQ(StatusOf(wrong), 401);
  EXPECT_EQ(StatusOf(unknown), 401);
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->get_header_value("Set-Cookie").find("rb_session="), std::string::npos);
  EXPECT_EQ(JsonOf(wrong)["error"], JsonOf(unknown)["error"]) << "the answer does not tell which logins exist";
}

TEST_F(ServerTest, TheApiSignInWantsJson) {
  httplib::Result r = ClientFor(port_).Post("/api/login", "login=maria&password=" + std::string(kMariaPassword),
                                            "application/x-www-form-urlencoded");
  EXPECT_EQ(StatusOf(r), 415) << BodyOf(r);
}

TEST_F(ServerTest, LogoutEndsTheSession) {
  const Session api = Login(port_, "dana", kDanaPassword);
  ASSERT_EQ(StatusOf(Get(port_, "/api/me", &api)), 200);
  httplib::Result out = PostJson(port_, "/api/logout", Json::object(), &api);
  ASSERT_EQ(StatusOf(out), 200) << BodyOf(out);
  EXPECT_THAT(out->get_header_value("Set-Cookie"), StartsWith("rb_session=;"));
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &api)), 401) << "the old cookie no longer signs in";
  EXPECT_EQ(StatusOf(Get(port_, "/", &api)), 303);

  const Session form = Login(port_, "dana", kDanaPassword);
  httplib::Result page_out = PostForm(port_, "/logout", {}, &form, form.csrf);
  ASSERT_EQ(StatusOf(page_out), 303);
  EXPECT_THAT(page_out->get_header_value("Location"), StartsWith("/login"));
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &form)), 401);
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &office_)), 200) << "other sessions of the same person stay";
}

TEST_F(ServerTest, MeTellsWhoIsSignedIn) {
  httplib::Result r = Get(port_, "/api/me", &tech_);
  ASSERT_EQ(StatusOf(r), 200);
  const Json me = JsonOf(r);
  EXPECT_EQ(me["login"], "jake");
  EXPECT_EQ(me["person"], kJake);
  EXPECT_EQ(me["role"], "technician");
  EXPECT_EQ(me["csrf_token"], tech_.csrf);
}

// authz

TEST_F(ServerTest, EveryRouteARoleLacksIsForbiddenForThatRole) {
  for (const auto& [role, session] : {std::pair{AccessRole::kTechnician, &tech_}, std::pair{AccessRole::kOffice, &office_}}) {
    int forbidden = 0;
    for (const Route& route : AllRoutes()) {
      if (!route.need || Allows(role, *route.need)) continue;
      ++forbidden;
      httplib::Result r = Send(port_, route, session, session->csrf);
      EXPECT_EQ(StatusOf(r), 403) << AccessRoleName(role) << ": " << Describe(route) << ": " << BodyOf(r);
    }
    if (role == AccessRole::kTechnician) EXPECT_GT(forbidden, 15);
    else EXPECT_EQ(forbidden, 10) << "office: lift-stop, saving settings, making and revoking calendar links, forget; page and API";
  }
}

TEST_F(ServerTest, EveryRouteTheAdminOpensAnswersWithoutAServerError) {
  for (const Route& route : AllRoutes()) {
    if (route.method != "GET") continue;
    httplib::Result r = Get(port_, route.example, &admin_);
    EXPECT_TRUE(StatusOf(r) == 200 || StatusOf(r) == 404) << Describe(route) << ": " << StatusOf(r) << " " << BodyOf(r);
  }
}

TEST_F(ServerTest, ATechnicianOpensOnlyTheirOwnOpportunities) {
  const std::vector<std::string> jakes = Jakes();
  ASSERT_FALSE(jakes.empty());
  const std::string own = jakes.front(), other = NotJakes();
  ASSERT_FALSE(other.empty());
  for (const std::string& prefix : {std::string("/o/"), std::string("/api/opportunities/")}) {
    EXPECT_EQ(StatusOf(Get(port_, prefix + own, &tech_)), 200) << prefix;
    httplib::Result r = Get(port_, prefix + other, &tech_);
    EXPECT_EQ(StatusOf(r), 403) << prefix;
    EXPECT_THAT(BodyOf(r), Not(HasSubstr(Detail(other, admin_).value("contact", "?"))))
        << "nothing of the other person's opportunity is shown";
    EXPECT_EQ(StatusOf(Get(port_, prefix + other, &office_)), 200) << "the office sees everyone's work";
  }
  httplib::Result post = PostJson(port_, "/api/opportunities/" + other + "/outcome", Json{{"outcome", "reached"}}, &tech_);
  EXPECT_EQ(StatusOf(post), 403);
  EXPECT_NE(Detail(other, admin_).value("status", ""), "reached");
}

TEST_F(ServerTest, ATechnicianRecordsTheOutcomeOfTheirOwnWork) {
  const std::vector<std::string> jakes = Jakes();
  ASSERT_FALSE(jakes.empty());
  const std::string own = jakes.back();
  httplib::Result r = PostJson(port_, "/api/opportunities/" + own + "/outcome",
                               Json{{"outcome", "not_reached"}, {"note", "left a voicemail"}}, &tech_);
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  const Json detail = Detail(own, tech_);
  EXPECT_EQ(detail["status"], "attempted");
  const Json* entry = TimelineEntry(detail, "outcome: not_reached");
  ASSERT_NE(entry, nullptr) << detail["timeline"].dump(1);
  EXPECT_EQ((*entry)["who"], kJake);
  EXPECT_EQ((*entry)["detail"], "left a voicemail");
}

TEST_F(ServerTest, ATechniciansBoardShowsOnlyTheirWork) {
  httplib::Result r = Get(port_, "/api/queue?status=all&owner=Maria%20Alvarez", &tech_);
  ASSERT_EQ(StatusOf(r), 200);
  const Json board = JsonOf(r);
  ASSERT_GT(board["total"].get<int>(), 0);
  for (const Json& group : board["groups"])
    for (const Json& item : group["items"]) EXPECT_EQ(item["owner"], kJake) << item.dump();
  httplib::Result all = Get(port_, "/api/queue?status=all", &office_);
  ASSERT_EQ(StatusOf(all), 200);
  EXPECT_GT(JsonOf(all)["total"].get<int>(), board["total"].get<int>());
}

TEST_F(ServerTest, TheOfficeMayNotLiftAStopOrChangeSettings) {
  const std::string stopped = base().stopped.at(0);
  httplib::Result lift = PostJson(port_, "/api/opportunities/" + stopped + "/lift-stop",
                                  Json{{"reason", "she called back"}}, &office_);
  EXPECT_EQ(StatusOf(lift), 403);
  EXPECT_TRUE(Detail(stopped, admin_).contains("stop"));
  const std::string before = ReadFile(harness_->config);
  httplib::Result save = PostJson(port_, "/api/settings", Json{{"config", before + "\n# edited\n"}}, &office_);
  EXPECT_EQ(StatusOf(save), 403);
  httplib::Result page_save = PostMultipart(port_, "/settings", {{"config", before + "\n# edited\n"}}, &office_, office_.csrf);
  EXPECT_EQ(StatusOf(page_save), 403);
  EXPECT_EQ(ReadFile(harness_->config), before);
}

TEST_F(ServerTest, OnlyTheAdminIsShownTheConfigText) {
  httplib::Result admin = Get(port_, "/api/settings", &admin_);
  httplib::Result office = Get(port_, "/api/settings", &office_);
  ASSERT_EQ(StatusOf(admin), 200);
  ASSERT_EQ(StatusOf(office), 200);
  EXPECT_EQ(JsonOf(admin)["config_text"], ReadFile(harness_->config));
  EXPECT_EQ(JsonOf(office)["config_text"], "");
  EXPECT_EQ(JsonOf(office)["can_edit"], false);
}

// Forgetting a person is the admin's, with the session's CSRF token, on its own server (it
// removes data the other tests use).
TEST(ForgetRoute, TheAdminForgetsAPersonAndNoByteOfThemIsLeft) {
  std::string error;
  std::unique_ptr<Harness> h = Harness::Start("forget", &error);
  ASSERT_NE(h, nullptr) << error;
  const Session admin = Login(h->port, "maria", kMariaPassword);
  const Session office = Login(h->port, "dana", kDanaPassword);
  const Session tech = Login(h->port, "jake", kJakePassword);
  const Json who = {{"who", "glindqvist@example.com"}, {"reason", "asked by phone"}};
  EXPECT_EQ(StatusOf(PostJson(h->port, "/api/forget", who, &office)), 403);
  EXPECT_EQ(StatusOf(PostJson(h->port, "/api/forget", who, &tech)), 403);
  EXPECT_EQ(StatusOf(PostForm(h->port, "/settings/forget", {{"who", "glindqvist@example.com"}, {"reason", "x"}}, &office,
                              office.csrf)),
            403);
  EXPECT_EQ(StatusOf(PostForm(h->port, "/settings/forget", {{"who", "glindqvist@example.com"}, {"reason", "x"}}, &admin, "")),
            403)
      << "no CSRF token";
  EXPECT_THAT(BodyOf(Get(h->port, "/settings", &admin)), HasSubstr("Forget a person"));
  EXPECT_THAT(BodyOf(Get(h->port, "/settings", &office)), Not(HasSubstr("Forget a person")));
  EXPECT_THAT(ReadFile(h->db), HasSubstr("Lindqvist")) << "he is there before";

  EXPECT_EQ(StatusOf(PostJson(h->port, "/api/forget", Json{{"who", 5125550183LL}, {"reason", "x"}}, &admin)), 400);
  EXPECT_EQ(StatusOf(PostJson(h->port, "/api/forget", Json{{"who", "nobody@example.com"}, {"reason", "x"}}, &admin)), 404);
  EXPECT_EQ(StatusOf(PostJson(h->port, "/api/forget", Json{{"who", "glindqvist@example.com"}, {"reason", ""}}, &admin)), 400);
  httplib::Result done = PostForm(h->port, "/settings/forget", {{"who", "(512) 555-0183"}, {"reason", "asked by phone"}},
                                  &admin, admin.csrf);
  ASSERT_EQ(StatusOf(done), 303) << BodyOf(done);
  std::string bytes = ReadFile(h->db);
  if (fs::exists(h->db.string() + "-wal")) bytes += ReadFile(h->db.string() + "-wal");
  for (const char* secret : {"Lindqvist", "glindqvist", "+15125550183", "(512) 555-0183"})
    EXPECT_THAT(bytes, Not(HasSubstr(secret)));
  const Json queue = JsonOf(Get(h->port, "/api/queue?status=all", &admin));
  EXPECT_THAT(queue.dump(), Not(HasSubstr("Lindqvist")));
  EXPECT_EQ(StatusOf(PostJson(h->port, "/api/forget", who, &admin)), 404) << "forgotten already";
}

// malformed and oversized requests

TEST_F(ServerTest, ABodyOver32MiBIs413) {
  const std::string body(32 * 1024 * 1024 + 1, 'x');
  httplib::Result r = ClientFor(port_).Post("/api/login", body, "application/json");
  EXPECT_EQ(StatusOf(r), 413);
  EXPECT_TRUE(JsonOf(r).contains("error")) << BodyOf(r).substr(0, 200);
  httplib::Result form = PostForm(port_, "/import", {{"file", body}}, &admin_, admin_.csrf);
  EXPECT_EQ(StatusOf(form), 413);
}

TEST_F(ServerTest, AChunkedBodyIsRefusedSoTheLimitHolds) {
  // Without Content-Length the size is only known while reading; the server asks for a length
  // before reading any of it.
  const std::string head = RawExchange(port_,
                                       "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                       "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"login\":\"maria\"}\r\n");
  EXPECT_THAT(head, StartsWith("HTTP/1.1 411")) << head;
  const std::size_t total = 33 * 1024 * 1024;
  const std::string chunk(1024 * 1024, ' ');
  httplib::Result r = ClientFor(port_).Post(
      "/api/login",
      [&, sent = std::size_t{0}](std::size_t, httplib::DataSink& sink) mutable {
        if (sent >= total) {
          sink.done();
          return true;
        }
        sent += chunk.size();
        return sink.write(chunk.data(), chunk.size());
      },
      "application/json");
  // The client may see the 411 or, still sending, a closed connection; never an answer to the body.
  EXPECT_TRUE(StatusOf(r) == 411 || StatusOf(r) == -1)
      << "a 33 MiB chunked body was read whole: " << StatusOf(r) << " " << BodyOf(r).substr(0, 200);
  EXPECT_EQ(StatusOf(Get(port_, "/healthz")), 200);
}

TEST_F(ServerTest, MalformedJsonIs400WithAJsonError) {
  const std::string id = base().open.at(1);
  for (const std::string& body : {std::string("{\"outcome\": \"reached\""), std::string("not json"), std::string("[1,2]"),
                                  std::string("[{\"outcome\":\"reached\"}]"), std::string("\"reached\"")}) {
    httplib::Result r = PostJson(port_, "/api/opportunities/" + id + "/outcome", body, &admin_, admin_.csrf);
    EXPECT_EQ(StatusOf(r), 400) << body << ": " << BodyOf(r);
    const Json error = JsonOf(r);
    EXPECT_TRUE(error.is_object() && error.contains("error") && error["error"].is_string()) << BodyOf(r);
  }
  EXPECT_NE(Detail(id, admin_).value("status", ""), "reached");
  httplib::Result login = ClientFor(port_).Post("/api/login", "{\"login\":", "application/json");
  EXPECT_EQ(StatusOf(login), 400);
  EXPECT_TRUE(JsonOf(login).contains("error"));
}

// Every field the API's write routes read, each sent with a JSON type it is not: each is a 400
// naming the field, and nothing changes (a number is never read as its digits).
TEST_F(ServerTest, WronglyTypedJsonFieldsAre400AndChangeNothing) {
  const std::string id = base().open.at(2);
  const std::string stopped = base().stopped.at(0);
  const std::string config_before = ReadFile(harness_->config);
  const std::string o = "/api/opportunities/" + id;
  struct Case {
    std::string path;
    Json body;
    std::string field;
    const Session* who;
  };
  const std::vector<Case> cases = {
      {"/api/login", Json{{"login", 7}, {"password", kMariaPassword}}, "login", nullptr},
      {"/api/login", Json{{"login", "maria"}, {"password", Json::array({kMariaPassword})}}, "password", nullptr},
      {o + "/outcome", Json{{"outcome", 1}}, "outcome", &admin_},
      {o + "/outcome", Json{{"outcome", "reached"}, {"note", Json::object()}}, "note", &admin_},
      {o + "/reassign", Json{{"owner", true}, {"reason", "covering"}}, "owner", &admin_},
      {o + "/reassign", Json{{"owner", "Dana Brooks"}, {"reason", 12}}, "reason", &admin_},
      {o + "/reclassify", Json{{"category", 3}, {"reason", "x"}}, "category", &admin_},
      {o + "/reclassify", Json{{"category", "spam"}, {"reason", nullptr}}, "reason", &admin_},
      {"/api/opportunities/" + stopped + "/lift-stop", Json{{"reason", 1.5}}, "reason", &admin_},
      {"/api/settings", Json{{"config", Json::array({"[company]"})}}, "config", &admin_},
      {"/api/checklists/cleanup/calls-log", Json{{"done", 1}}, "done", &office_},
      {"/api/checklists/cleanup/calls-log", Json{{"done", "true"}}, "done", &office_},
      {"/api/plan/2026-W47/2", Json{{"done", 0}}, "done", &office_},
  };
  for (const Case& c : cases) {
    httplib::Result r = c.who ? PostJson(port_, c.path, c.body, c.who)
                              : ClientFor(port_).Post(c.path.c_str(), c.body.dump(), "application/json");
    EXPECT_EQ(StatusOf(r), 400) << c.path << " " << c.body.dump() << ": " << BodyOf(r);
    EXPECT_THAT(JsonOf(r).value("error", ""), HasSubstr(c.field)) << c.path << " " << c.body.dump();
  }
  const Json detail = Detail(id, admin_);
  EXPECT_NE(detail.value("status", ""), "reached");
  EXPECT_NE(detail.value("category", ""), "spam");
  EXPECT_NE(detail.value("owner", ""), "Dana Brooks");
  EXPECT_EQ(Detail(stopped, admin_).value("status", ""), "do_not_contact") << "the stop still holds";
  EXPECT_EQ(ReadFile(harness_->config), config_before);
  const Json lists = JsonOf(Get(port_, "/api/checklists", &office_));
  for (const Json& list : lists["lists"])
    for (const Json& item : list["items"])
      if (list["id"] == "cleanup" && item["id"] == "calls-log") {
        EXPECT_EQ(item["done"], false);
      }
}

// 20,000 request headers (the probe of issue 22) are refused with 431 before any route runs,
// and the server goes on answering everyone else.
TEST_F(ServerTest, TooManyRequestHeadersAre431) {
  std::string request = "GET /api/me HTTP/1.1\r\nHost: x\r\nCookie: " + admin_.Cookie() + "\r\n";
  for (int i = 0; i < 20000; ++i) request += "X-Probe-" + std::to_string(i) + ": 1\r\n";
  request += "Connection: close\r\n\r\n";
  const std::string answer = RawExchange(port_, request);
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 431")) << answer.substr(0, 200);
  std::string fine = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 90; ++i) fine += "X-Ok-" + std::to_string(i) + ": 1\r\n";
  EXPECT_THAT(RawExchange(port_, fine + "Connection: close\r\n\r\n"), StartsWith("HTTP/1.1 200"))
      << "a request with 90 headers is served";
  EXPECT_EQ(StatusOf(Get(port_, "/api/me", &office_)), 200);
}

TEST_F(ServerTest, AGarbageRequestLineIs400) {
  for (const std::string& request : {std::string("NOT A REQUEST\r\n\r\n"), std::string("\x01\x02\x03 garbage\r\n\r\n"),
                                     std::string("GET\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n")}) {
    const std::string answer = RawExchange(port_, request);
    EXPECT_THAT(answer, StartsWith("HTTP/1.1 400")) << ::testing::PrintToString(request) << " -> " << answer;
  }
  EXPECT_THAT(RawExchange(port_, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
              StartsWith("HTTP/1.1 200")) << "the raw client itself works";
}

// A handler that only sets content answers 200 (no status of its own), with its headers.
TEST_F(ServerTest, StaticFilesAre200WithTheirTypeAndCaching) {
  httplib::Result css = Get(port_, "/static/app.css");
  ASSERT_EQ(StatusOf(css), 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css");
  EXPECT_EQ(css->get_header_value("Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(css->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(StatusOf(Get(port_, "/static/app.js")), 200);
}

TEST_F(ServerTest, UnknownPathsAndIdsAre404) {
  for (const char* path : {"/no/such/page", "/o/", "/o/not-an-id", "/static/../CMakeLists.txt", "/static/nope.js"}) {
    httplib::Result r = Get(port_, path, &admin_);
    EXPECT_EQ(StatusOf(r), 404) << path;
  }
  httplib::Result api = Get(port_, "/api/nothing-here", &admin_);
  EXPECT_EQ(StatusOf(api), 404);
  EXPECT_TRUE(JsonOf(api).contains("error")) << BodyOf(api);
  for (const char* path : {"/o/R-0000000000", "/api/opportunities/R-0000000000"}) {
    httplib::Result r = Get(port_, path, &admin_);
    EXPECT_EQ(StatusOf(r), 404) << path;
  }
  httplib::Result post = PostJson(port_, "/api/opportunities/R-0000000000/outcome", Json{{"outcome", "reached"}}, &admin_);
  EXPECT_EQ(StatusOf(post), 404);
  EXPECT_TRUE(JsonOf(post).contains("error"));
}

// what people do

TEST_F(ServerTest, TheOpportunityShowsItsDraftsChannel) {
  int drafts = 0;
  for (const std::string& id : base().open) {
    const Json detail = Detail(id, office_);
    if (!detail.contains("draft")) continue;
    ++drafts;
    const std::string channel = detail.value("draft_channel", "");
    ASSERT_TRUE(channel == "sms" || channel == "email" || channel == "call") << detail.dump();
    const std::string label = detail["draft"]["channel_label"];
    EXPECT_EQ(label, channel == "sms" ? "Text message" : channel == "email" ? "Email" : "Call script");
    httplib::Result page = Get(port_, "/o/" + id, &office_);
    ASSERT_EQ(StatusOf(page), 200);
    EXPECT_THAT(page->body, HasSubstr("<span id=\"draft-channel\">" + label + "</span>"));
  }
  EXPECT_GT(drafts, 0);
}

TEST_F(ServerTest, RecordingAnOutcomeChangesTheStatusAndTheTimeline) {
  const std::string id = base().open.at(2);
  httplib::Result r =
      PostJson(port_, "/api/opportunities/" + id + "/outcome", Json{{"outcome", "reached"}, {"note", "booked Tue 9am"}}, &admin_);
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  EXPECT_EQ(JsonOf(r)["ok"], true);
  const Json detail = Detail(id, office_);
  EXPECT_EQ(detail["status"], "reached");
  const Json* entry = TimelineEntry(detail, "outcome: reached");
  ASSERT_NE(entry, nullptr) << detail["timeline"].dump(1);
  EXPECT_EQ((*entry)["who"], "Maria Alvarez");
  EXPECT_EQ((*entry)["detail"], "booked Tue 9am");
  EXPECT_THAT(Joined(detail["reasons"]), HasSubstr("outcome reached recorded by Maria Alvarez"));
  httplib::Result bad = PostJson(port_, "/api/opportunities/" + id + "/outcome", Json{{"outcome", "married"}}, &admin_);
  EXPECT_EQ(StatusOf(bad), 400);
}

TEST_F(ServerTest, TheOutcomeFormRedirectsBackToTheOpportunity) {
  const std::string id = base().open.at(3);
  httplib::Result r = PostForm(port_, "/o/" + id + "/outcome", {{"outcome", "not_reached"}}, &office_, office_.csrf);
  ASSERT_EQ(StatusOf(r), 303) << BodyOf(r);
  EXPECT_EQ(r->get_header_value("Location"), "/o/" + id);
  EXPECT_EQ(Detail(id, office_)["status"], "attempted");
  // The message rides in a short-lived cookie the server set, and shows once on the next page.
  std::string flash;
  for (auto [it, end] = r->headers.equal_range("Set-Cookie"); it != end; ++it)
    if (it->second.rfind("rb_flash=", 0) == 0) flash = it->second.substr(0, it->second.find(';'));
  ASSERT_FALSE(flash.empty()) << "no flash cookie";
  EXPECT_THAT(flash, HasSubstr("Recorded"));
  httplib::Headers headers = {{"Cookie", office_.Cookie() + "; " + flash}};
  httplib::Result page = ClientFor(port_).Get(("/o/" + id).c_str(), headers);
  ASSERT_EQ(StatusOf(page), 200);
  EXPECT_THAT(page->body, HasSubstr("Recorded: not_reached."));
}

TEST_F(ServerTest, APageDoesNotSayWhatTheAddressBarSays) {
  // ?msg= once carried the flash: a link could make the app "say" anything.
  httplib::Result r = Get(port_, "/?msg=Your%20account%20is%20locked.%20Call%20512-555-0199", &office_);
  ASSERT_EQ(StatusOf(r), 200);
  EXPECT_THAT(r->body, Not(HasSubstr("Your account is locked")));
}

TEST_F(ServerTest, AStoppedContactShowsTheStopAndNoDraft) {
  const std::string id = base().stopped.at(0);
  const Json detail = Detail(id, office_);
  EXPECT_EQ(detail["status"], "do_not_contact");
  ASSERT_TRUE(detail.contains("stop")) << detail.dump(1);
  EXPECT_FALSE(detail["stop"].value("words", "").empty());
  EXPECT_FALSE(detail.contains("draft")) << detail["draft"].dump();
  EXPECT_EQ(detail["can_record"], false);
  EXPECT_EQ(detail["can_lift_stop"], false) << "only the admin lifts a stop";
  EXPECT_EQ(Detail(id, admin_)["can_lift_stop"], true);
  httplib::Result page = Get(port_, "/o/" + id, &office_);
  ASSERT_EQ(StatusOf(page), 200);
  EXPECT_THAT(page->body, HasSubstr("Do not contact"));
  EXPECT_THAT(page->body, Not(HasSubstr("id=\"draft-text\"")));
  EXPECT_THAT(page->body, Not(HasSubstr("/lift-stop\"")));
}

TEST_F(ServerTest, TheAdminLiftsAStopWithAReason) {
  ASSERT_GE(base().stopped.size(), 2u);
  const std::string id = base().stopped.at(1);
  httplib::Result no_reason = PostJson(port_, "/api/opportunities/" + id + "/lift-stop", Json{{"reason", "  "}}, &admin_);
  EXPECT_EQ(StatusOf(no_reason), 400);
  EXPECT_TRUE(Detail(id, admin_).contains("stop"));
  httplib::Result r = PostJson(port_, "/api/opportunities/" + id + "/lift-stop",
                               Json{{"reason", "she called and asked for the quote"}}, &admin_);
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  const Json detail = Detail(id, admin_);
  EXPECT_FALSE(detail.contains("stop")) << detail["stop"].dump();
  EXPECT_NE(detail["status"], "do_not_contact");
  const Json* entry = TimelineEntry(detail, "stop lifted");
  ASSERT_NE(entry, nullptr) << detail["timeline"].dump(1);
  EXPECT_EQ((*entry)["detail"], "she called and asked for the quote");
  EXPECT_EQ(StatusOf(PostJson(port_, "/api/opportunities/" + id + "/lift-stop", Json{{"reason", "again"}}, &admin_)), 404)
      << "no stop left to lift";
}

TEST_F(ServerTest, ReassignNeedsAReasonAndARosterName) {
  const std::string id = base().open.at(4);
  const std::string owner = Detail(id, admin_)["owner"];
  const std::string to = owner == "Dana Brooks" ? "Tom Nguyen" : "Dana Brooks";
  const std::string path = "/api/opportunities/" + id + "/reassign";
  httplib::Result no_reason = PostJson(port_, path, Json{{"owner", to}}, &office_);
  EXPECT_EQ(StatusOf(no_reason), 400);
  EXPECT_TRUE(JsonOf(no_reason).contains("error"));
  EXPECT_EQ(StatusOf(PostJson(port_, path, Json{{"owner", to}, {"reason", " \t "}}, &office_)), 400);
  EXPECT_EQ(StatusOf(PostJson(port_, path, Json{{"owner", "Somebody Else"}, {"reason", "why not"}}, &office_)), 400);
  EXPECT_EQ(Detail(id, admin_)["owner"], owner) << "a refused reassign changes nothing";

  httplib::Result ok = PostJson(port_, path, Json{{"owner", to}, {"reason", "Rick is out sick"}}, &office_);
  ASSERT_EQ(StatusOf(ok), 200) << BodyOf(ok);
  const Json detail = Detail(id, admin_);
  EXPECT_EQ(detail["owner"], to);
  EXPECT_THAT(Joined(detail["reasons"]), HasSubstr("reassigned from " + owner + " to " + to + " by Dana Brooks: Rick is out sick"));
  EXPECT_NE(TimelineEntry(detail, "reassigned"), nullptr);
}

TEST_F(ServerTest, ReclassifyingAsSpamClosesTheRow) {
  const std::string id = base().open.at(5);
  const std::string path = "/api/opportunities/" + id + "/reclassify";
  EXPECT_EQ(StatusOf(PostJson(port_, path, Json{{"category", "spam"}}, &office_)), 400) << "a reason is required";
  EXPECT_EQ(StatusOf(PostJson(port_, path, Json{{"category", "junk"}, {"reason", "x"}}, &office_)), 400);
  httplib::Result r = PostJson(port_, path, Json{{"category", "spam"}, {"reason", "robocall"}}, &office_);
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  const Json detail = Detail(id, office_);
  EXPECT_EQ(detail["category"], "spam");
  EXPECT_EQ(detail["status"], "closed");
  EXPECT_FALSE(detail.contains("draft"));
}

TEST_F(ServerTest, StoredTextIsEscapedOnThePages) {
  const std::string id = base().open.at(6);
  const std::string script = "<script>alert('rb')</script>";
  ASSERT_EQ(StatusOf(PostJson(port_, "/api/opportunities/" + id + "/outcome",
                              Json{{"outcome", "not_reached"}, {"note", "note " + script}}, &admin_)),
            200);
  ASSERT_EQ(StatusOf(PostJson(port_, "/api/opportunities/" + id + "/reclassify",
                              Json{{"category", "routine"}, {"reason", "reason " + script}}, &admin_)),
            200);
  httplib::Result page = Get(port_, "/o/" + id, &admin_);
  ASSERT_EQ(StatusOf(page), 200);
  EXPECT_THAT(page->body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page->body, HasSubstr("note &lt;script&gt;alert(&apos;rb&apos;)&lt;/script&gt;"));
  EXPECT_THAT(page->body, HasSubstr("reason &lt;script&gt;"));
  // The JSON API gives the text as it was typed: escaping is the page's job.
  EXPECT_THAT(Joined(Detail(id, admin_)["reasons"]), HasSubstr("reason " + script));
}

TEST_F(ServerTest, TextFromTheAddressBarIsEscapedOnThePages) {
  const std::string script = "\"><script>alert(1)</script>";
  const std::string q = UrlEncode(script);
  for (const auto& [path, session] : std::vector<std::pair<std::string, const Session*>>{
           {"/login?next=/" + q + "&login=" + q, nullptr},
           {"/calculators?missed=" + q, &tech_}}) {
    httplib::Result r = Get(port_, path, session);
    ASSERT_EQ(StatusOf(r), 200) << path;
    EXPECT_THAT(r->body, Not(HasSubstr("<script>alert"))) << path;
    EXPECT_THAT(r->body, HasSubstr("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")) << path;
  }
}

TEST_F(ServerTest, HealthAndMetricsArePublic) {
  httplib::Result health = Get(port_, "/healthz");
  ASSERT_EQ(StatusOf(health), 200);
  EXPECT_EQ(JsonOf(health), (Json{{"status", "ok"}}));
  const std::string id = base().open.at(0);
  ASSERT_EQ(StatusOf(Get(port_, "/api/opportunities/" + id, &admin_)), 200);
  httplib::Result metrics = Get(port_, "/metrics");
  ASSERT_EQ(StatusOf(metrics), 200);
  EXPECT_THAT(metrics->get_header_value("Content-Type"), StartsWith("text/plain; version=0.0.4"));
  EXPECT_THAT(metrics->body, HasSubstr("# TYPE ringback_http_requests_total counter"));
  EXPECT_THAT(metrics->body, HasSubstr("ringback_http_requests_total{route=\"/api/opportunities/(R-[0-9a-f]{1,40})\","
                                       "method=\"GET\",code=\"200\"}"));
  EXPECT_THAT(metrics->body, HasSubstr("ringback_logins_total{result=\"ok\"}"));
  EXPECT_THAT(metrics->body, HasSubstr("\nringback_opportunities "));
  EXPECT_THAT(metrics->body, Not(HasSubstr(id))) << "routes are counted by pattern, not by id";
}

TEST_F(ServerTest, WithoutSecretsTheHooksAreOffAndASessionDoesNotTurnThemOn) {
  for (const Route& route : AllRoutes()) {
    if (route.proof != Proof::kSignature) continue;
    EXPECT_EQ(StatusOf(Send(port_, route, nullptr, "")), 404) << Describe(route);
    EXPECT_EQ(StatusOf(Send(port_, route, &admin_, admin_.csrf)), 404) << Describe(route);
  }
  EXPECT_THAT(BodyOf(Get(port_, "/metrics")), HasSubstr("ringback_webhooks_total{hook=\"twilio_voice\",result=\"off\"}"));
}

TEST_F(ServerTest, PagesCarryTheSecurityHeaders) {
  for (const auto& [path, session] : std::vector<std::pair<std::string, const Session*>>{
           {"/login", nullptr}, {"/", &admin_}, {"/o/" + base().open.at(0), &admin_}, {"/settings", &admin_},
           {"/no/such/page", nullptr}, {"/o/R-0000000000", &admin_}, {"/review", &tech_}}) {
    httplib::Result r = Get(port_, path, session);
    ASSERT_TRUE(r) << path;
    EXPECT_THAT(r->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'self'")) << path;
    EXPECT_THAT(r->get_header_value("Content-Security-Policy"), HasSubstr("frame-ancestors")) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
  httplib::Result page = Get(port_, "/", &admin_);
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store") << "signed-in pages are not cached";
}

TEST_F(ServerTest, SettingsAreSavedOnlyWhenTheyLoad) {
  const std::string before = ReadFile(harness_->config);
  ASSERT_FALSE(before.empty());
  for (const std::string& bad : {std::string("this is [not toml"), std::string("")}) {
    httplib::Result r = PostJson(port_, "/api/settings", Json{{"config", bad}}, &admin_);
    EXPECT_EQ(StatusOf(r), 400) << BodyOf(r);
    EXPECT_TRUE(JsonOf(r).contains("error"));
  }
  std::string wrong_zone = before;
  wrong_zone.replace(wrong_zone.find("America/Chicago"), 15, "Mars/Olympus");
  httplib::Result zone = PostJson(port_, "/api/settings", Json{{"config", wrong_zone}}, &admin_);
  EXPECT_EQ(StatusOf(zone), 400);
  EXPECT_THAT(BodyOf(zone), HasSubstr("Mars/Olympus"));
  httplib::Result page = PostMultipart(port_, "/settings", {{"config", "[company\nname="}}, &admin_, admin_.csrf);
  EXPECT_EQ(StatusOf(page), 400);
  EXPECT_THAT(BodyOf(page), HasSubstr("[company"));  // the text is shown back to fix
  EXPECT_EQ(ReadFile(harness_->config), before) << "a config that does not load is never written";
  EXPECT_FALSE(fs::exists(harness_->config.string() + ".saving"));

  std::string renamed = before;
  renamed.replace(renamed.find("Summit Ridge Roofing & Air"), 26, "Summit Ridge Roofing & Air (test)");
  httplib::Result ok = PostJson(port_, "/api/settings", Json{{"config", renamed}}, &admin_);
  ASSERT_EQ(StatusOf(ok), 200) << BodyOf(ok);
  EXPECT_EQ(ReadFile(harness_->config), renamed);
  EXPECT_EQ(JsonOf(Get(port_, "/api/settings", &office_))["company"], "Summit Ridge Roofing & Air (test)");
  httplib::Result form = PostMultipart(port_, "/settings", {{"config", before}}, &admin_, admin_.csrf);
  EXPECT_EQ(StatusOf(form), 303) << BodyOf(form);
  EXPECT_EQ(ReadFile(harness_->config), before);
  // A config longer than a url-encoded form may be (8 KiB): the page posts it as multipart.
  const std::string longer = before + "\n# " + std::string(12000, 'x') + "\n";
  httplib::Result big = PostMultipart(port_, "/settings", {{"config", longer}}, &admin_, admin_.csrf);
  EXPECT_EQ(StatusOf(big), 303) << BodyOf(big);
  EXPECT_EQ(ReadFile(harness_->config), longer);
  ASSERT_EQ(StatusOf(PostMultipart(port_, "/settings", {{"config", before}}, &admin_, admin_.csrf)), 303);
}

TEST_F(ServerTest, AnUploadIsInspectedThenImportedByWhoeverUploadedIt) {
  const std::string csv =
      "Start Time,Direction,From,Caller Name,To,Result,Duration (sec),Agent\n"
      "11/22/2026 10:15 AM,Inbound,(512) 555-0911,NEW CALLER,(512) 555-0100,Missed,0,\n";
  httplib::MultipartFormDataItems items = {{"file", csv, "calls-extra.csv", "text/csv"}};
  httplib::Result upload = ClientFor(port_).Post("/api/imports", With(&office_, office_.csrf), items);
  ASSERT_EQ(StatusOf(upload), 200) << BodyOf(upload);
  const Json inspected = JsonOf(upload);
  EXPECT_EQ(inspected["counts"]["signals"], 1) << inspected.dump(1);
  const std::string token = inspected.value("token", "");
  ASSERT_EQ(token.size(), 32u);
  const std::string confirm = "/api/imports/" + token + "/confirm";
  EXPECT_EQ(StatusOf(PostJson(port_, confirm, Json::object(), &admin_)), 404) << "only the uploader confirms";
  httplib::Result done = PostJson(port_, confirm, Json::object(), &office_);
  ASSERT_EQ(StatusOf(done), 200) << BodyOf(done);
  EXPECT_EQ(JsonOf(done)["signals"], 1);
  EXPECT_EQ(StatusOf(PostJson(port_, confirm, Json::object(), &office_)), 404) << "confirmed once";
  httplib::Result board = Get(port_, "/api/queue?status=all", &office_);
  EXPECT_THAT(BodyOf(board), HasSubstr("555-0911"));
  httplib::Result empty = ClientFor(port_).Post("/api/imports", With(&office_, office_.csrf),
                                                httplib::MultipartFormDataItems{{"file", "", "empty.csv", "text/csv"}});
  EXPECT_EQ(StatusOf(empty), 400);
}

// An upload is inspected without the lock every request takes: while one person's upload is
// held in its inspection (the test's hook waits there), another person's board answers. With
// the lock held the board would wait for the upload, and the upload for the board's answer.
TEST(UploadInspection, OthersAreAnsweredWhileAnUploadIsInspected) {
  std::promise<void> inspecting, release;
  std::shared_future<void> released = release.get_future().share();
  std::string error;
  std::unique_ptr<Harness> harness = Harness::Start("inspect-unlocked", &error, false, [&](ServeOptions& o) {
    o.on_inspect = [&inspecting, released] {
      inspecting.set_value();
      released.wait();
    };
  });
  ASSERT_NE(harness, nullptr) << error;
  const Session office = Login(harness->port, "dana", kDanaPassword);
  const Session admin = Login(harness->port, "maria", kMariaPassword);
  const std::string csv =
      "Start Time,Direction,From,Caller Name,To,Result,Duration (sec),Agent\n"
      "11/22/2026 10:15 AM,Inbound,(512) 555-0912,NEW CALLER,(512) 555-0100,Missed,0,\n";
  int upload_status = 0;
  Json upload_body;
  std::thread uploader([&] {
    httplib::Result r = ClientFor(harness->port)
                            .Post("/api/imports", With(&office, office.csrf),
                                  httplib::MultipartFormDataItems{{"file", csv, "calls.csv", "text/csv"}});
    upload_status = StatusOf(r);
    upload_body = JsonOf(r);
  });
  inspecting.get_future().wait();  // the upload is in its inspection now, and stays there
  httplib::Result board = Get(harness->port, "/api/queue", &admin);
  httplib::Result health = Get(harness->port, "/healthz");
  release.set_value();
  uploader.join();
  EXPECT_EQ(StatusOf(board), 200) << BodyOf(board);
  EXPECT_EQ(StatusOf(health), 200);
  EXPECT_EQ(upload_status, 200) << upload_body.dump(1);
  EXPECT_EQ(upload_body["counts"]["signals"], 1) << upload_body.dump(1);
}

TEST_F(ServerTest, ChecklistTicksAreKeptWithWhoTickedThem) {
  const std::string path = "/api/checklists/profile/profile-calls-hours";
  EXPECT_EQ(StatusOf(PostJson(port_, path, Json{{"done", "perhaps"}}, &tech_)), 400);
  httplib::Result tick = PostJson(port_, path, Json{{"done", true}}, &tech_);
  ASSERT_EQ(StatusOf(tick), 200) << BodyOf(tick);
  auto item = [&](const Session& s) {
    const Json lists = JsonOf(Get(port_, "/api/checklists", &s));
    for (const Json& list : lists["lists"])
      for (const Json& i : list["items"])
        if (i["list_id"] == "profile" && i["id"] == "profile-calls-hours") return i;
    return Json();
  };
  EXPECT_EQ(item(office_)["done"], true);
  EXPECT_EQ(item(office_)["by"], "Jake Turner");
  ASSERT_EQ(StatusOf(PostForm(port_, "/checklists/profile/profile-calls-hours", {{"done", "0"}}, &office_, office_.csrf)), 303);
  EXPECT_EQ(item(tech_)["done"], false);
  EXPECT_EQ(StatusOf(PostJson(port_, "/api/checklists/profile/no-such-item", Json{{"done", true}}, &office_)), 404);
}

TEST_F(ServerTest, PlanDaysAreTickedForTheirWeek) {
  httplib::Result plan = Get(port_, "/api/plan", &office_);
  ASSERT_EQ(StatusOf(plan), 200);
  const std::string week = JsonOf(plan)["week"];
  EXPECT_EQ(week, "2026-W47") << "the week of the latest request";
  ASSERT_EQ(StatusOf(PostJson(port_, "/api/plan/" + week + "/3", Json{{"done", true}}, &office_)), 200);
  const Json after = JsonOf(Get(port_, "/api/plan", &tech_));
  EXPECT_EQ(after["done"], 1);
  EXPECT_EQ(after["days"][2]["done"], true);
  EXPECT_EQ(after["days"][2]["by"], "Dana Brooks");
  EXPECT_EQ(after["days"][0]["done"], false);
  // Each day names the report section with its details, and the page links to it.
  EXPECT_EQ(after["days"][5]["section"], "Where the handoff failed");
  EXPECT_EQ(after["days"][5]["anchor"], "handoff");
  httplib::Result page = Get(port_, "/plan", &office_);
  ASSERT_EQ(StatusOf(page), 200);
  EXPECT_THAT(page->body, HasSubstr("<a href=\"/review/report#handoff\">See Where the handoff failed</a>"));
  EXPECT_THAT(BodyOf(Get(port_, "/plan", &tech_)), Not(HasSubstr("/review/report#"))) << "a technician may not open the report";
  const std::string report = BodyOf(Get(port_, "/review/report", &office_));
  for (const Json& day : after["days"])
    EXPECT_THAT(report, HasSubstr("id=\"" + day["anchor"].get<std::string>() + "\"")) << day.dump();
}

TEST_F(ServerTest, TheReviewAndCalculatorsAnswerTheirQuestions) {
  httplib::Result review = Get(port_, "/api/review?week=2026-W47", &office_);
  ASSERT_EQ(StatusOf(review), 200);
  EXPECT_EQ(JsonOf(review)["week"], "2026-W47");
  EXPECT_FALSE(JsonOf(review)["figures"].empty());
  EXPECT_EQ(StatusOf(Get(port_, "/api/review?week=last-tuesday", &office_)), 400);
  // The week before the first has no signals: "no data", not zeros.
  const Json first = JsonOf(review)["figures"][0];
  EXPECT_EQ(first["last_week"], "no data") << first.dump();
  EXPECT_TRUE(first["previous"].is_null());
  // The heat map: every contact of the week in its weekday and hour.
  const Json heat = JsonOf(review)["heat_map"];
  ASSERT_EQ(heat["days"].size(), 7u);
  int in = 0;
  for (const Json& day : heat["days"])
    for (const Json& hour : day["hours"]) in += hour["inbound"].get<int>();
  EXPECT_EQ(in, heat["inbound"].get<int>());
  EXPECT_GT(heat["lost"].get<int>(), 0);
  httplib::Result page = Get(port_, "/review?week=2026-W47", &office_);
  ASSERT_EQ(StatusOf(page), 200);
  EXPECT_THAT(page->body, HasSubstr("<svg class=\"heatmap-grid\" role=\"img\""));
  EXPECT_THAT(page->body, HasSubstr("<table class=\"heatmap-table\">"));
  EXPECT_THAT(page->body, HasSubstr("<td>no data</td>"));
  httplib::Result report = Get(port_, "/review/report?week=2026-W47", &office_);
  ASSERT_EQ(StatusOf(report), 200);
  EXPECT_THAT(report->body, HasSubstr("<html"));

  httplib::Result calc = Get(port_, "/api/calculators?missed=10&booking_rate=50%25&job_value=1000&delay=2h", &tech_);
  ASSERT_EQ(StatusOf(calc), 200) << BodyOf(calc);
  EXPECT_EQ(JsonOf(calc)["leak"]["lost"], "$5,000") << "10 missed x 50% booked x $1,000";
  httplib::Result bad = Get(port_, "/api/calculators?missed=lots", &tech_);
  EXPECT_EQ(StatusOf(bad), 400);
  EXPECT_EQ(JsonOf(bad)["errors"].size(), 1u);
}

// Login throttling has its own server: its failures count against 127.0.0.1.
class ThrottledServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    harness_ = Harness::Start("throttle", &error).release();
    ASSERT_NE(harness_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete harness_;
    harness_ = nullptr;
  }
  static Harness* harness_;
};
Harness* ThrottledServerTest::harness_ = nullptr;

TEST_F(ThrottledServerTest, TheSixthTryAfterFiveFailuresIs429EvenWithTheRightPassword) {
  ASSERT_NE(harness_, nullptr);
  const int port = harness_->port;
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    httplib::Result r = PostJson(port, "/api/login", Json{{"login", "maria"}, {"password", "guess " + std::to_string(i)}}, nullptr);
    EXPECT_EQ(StatusOf(r), 401) << "try " << i + 1;
  }
  httplib::Result blocked = PostJson(port, "/api/login", Json{{"login", "maria"}, {"password", kMariaPassword}}, nullptr);
  EXPECT_EQ(StatusOf(blocked), 429) << BodyOf(blocked);
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->get_header_value("Set-Cookie").find("rb_session="), std::string::npos);
  EXPECT_THAT(JsonOf(blocked).value("error", ""), HasSubstr("Try again in"));
  const std::string retry = blocked->get_header_value("Retry-After");
  EXPECT_TRUE(!retry.empty() && std::stoi(retry) > 0 && std::stoi(retry) <= 30) << retry;
  // Without --trust-proxy a client's X-Forwarded-For is its own word: ignored.
  httplib::Headers forged = {{"X-Forwarded-For", "203.0.113.7"}};
  EXPECT_EQ(StatusOf(ClientFor(port).Post("/api/login", forged, Json{{"login", "maria"}, {"password", kMariaPassword}}.dump(),
                                          "application/json")),
            429);
  // Five failures do not block the office's shared address for other people...
  EXPECT_EQ(StatusOf(PostJson(port, "/api/login", Json{{"login", "dana"}, {"password", kDanaPassword}}, nullptr)), 200);
  // ...and the form answers the same for the blocked login.
  httplib::Result page = Get(port, "/login");
  const std::string token = SetCookieValue(page->get_header_value("Set-Cookie"), "rb_login");
  httplib::Result form = PostForm(port, "/login", {{"login", "maria"}, {"password", kMariaPassword}}, nullptr, token,
                                  "rb_login=" + token);
  EXPECT_EQ(StatusOf(form), 429);
  EXPECT_THAT(BodyOf(Get(port, "/metrics")), HasSubstr("ringback_logins_total{result=\"throttled\"} 3"));
}

// Behind a TLS proxy (--trust-proxy) the client's address is the one the proxy forwards: a
// stranger's wrong passwords for a login slow the stranger, not the owner at the office.
class TrustedProxyServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    harness_ = Harness::Start("proxy", &error, false, [](ServeOptions& o) { o.http.trust_proxy = true; }).release();
    ASSERT_NE(harness_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete harness_;
    harness_ = nullptr;
  }
  static Harness* harness_;
};
Harness* TrustedProxyServerTest::harness_ = nullptr;

TEST_F(TrustedProxyServerTest, WrongPasswordsFromOneAddressDoNotStopTheOwnerFromAnother) {
  ASSERT_NE(harness_, nullptr);
  auto sign_in = [&](const std::string& from, const std::string& password) {
    const httplib::Headers headers = {{"X-Forwarded-For", from}};
    return StatusOf(ClientFor(harness_->port)
                        .Post("/api/login", headers, Json{{"login", "maria"}, {"password", password}}.dump(),
                              "application/json"));
  };
  const std::string stranger = "198.51.100.66", office = "203.0.113.7";
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) EXPECT_EQ(sign_in(stranger, "guess " + std::to_string(i)), 401);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(sign_in(stranger, "more guesses"), 429) << "the stranger waits";
  EXPECT_EQ(sign_in(stranger, kMariaPassword), 429) << "even with the right password, from there";
  EXPECT_EQ(sign_in(office, kMariaPassword), 200) << "the owner at the office signs in as always";
  EXPECT_EQ(sign_in("10.1.2.3, " + office, kMariaPassword), 200) << "the last X-Forwarded-For entry counts";
}

// The transport (http_server.h): 64 idle connections (half kept alive after an answer, half
// never saying anything) and 8 that send one header line a second are held open while 8
// clients load the board on their own kept-alive connections. Every board request is answered,
// and none waits anywhere near a slow client's deadline. The bound is generous (a sanitized
// build on a shared 2-core machine); bench/web measures the real figures (docs/performance.md).
class BusyServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    harness_ = Harness::Start("busy", &error, false, [](ServeOptions& o) {
                 o.http.max_connections_per_address = 256;  // every client here is 127.0.0.1
                 o.http.header_timeout = Seconds(120);      // the slow clients stay for the whole test
                 o.http.idle_timeout = Seconds(120);
               }).release();
    ASSERT_NE(harness_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete harness_;
    harness_ = nullptr;
  }
  static Harness* harness_;
};
Harness* BusyServerTest::harness_ = nullptr;

int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) return fd;
  if (fd >= 0) ::close(fd);
  return -1;
}

// The board loaded by 8 clients at once, each on its own kept-alive connection: every
// request's seconds, sorted; `failures` counts answers that are not the board.
std::vector<double> BoardRound(int port, const Session& who, int* failures) {
  constexpr int kClients = 8, kRequests = 10;
  std::vector<std::vector<double>> times(kClients);
  std::vector<int> failed(kClients, 0);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client = ClientFor(port);
      client.set_keep_alive(true);
      for (int i = 0; i < kRequests; ++i) {
        const auto start = std::chrono::steady_clock::now();
        httplib::Result r = client.Get("/", With(&who));
        times[c].push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (!r || r->status != 200 || r->body.find("<html") == std::string::npos) ++failed[c];
      }
    });
  }
  for (std::thread& t : clients) t.join();
  std::vector<double> all;
  for (int c = 0; c < kClients; ++c) {
    all.insert(all.end(), times[c].begin(), times[c].end());
    *failures += failed[c];
  }
  std::sort(all.begin(), all.end());
  return all;
}

double P99(const std::vector<double>& sorted) { return sorted[sorted.size() * 99 / 100]; }

TEST_F(BusyServerTest, IdleAndSlowHeaderClientsDoNotDelayTheBoard) {
  ASSERT_NE(harness_, nullptr);
  const int port = harness_->port;
  const Session admin = Login(port, "maria", kMariaPassword);
  int failures = 0;
  const std::vector<double> quiet = BoardRound(port, admin, &failures);  // the same load alone
  std::vector<int> held;
  for (int i = 0; i < 32; ++i) {  // kept alive after one answer
    const int fd = Connect(port);
    ASSERT_GE(fd, 0);
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    char buf[1024];
    ASSERT_GT(::recv(fd, buf, sizeof buf, 0), 0);
    held.push_back(fd);
  }
  for (int i = 0; i < 32; ++i) held.push_back(Connect(port));  // silent
  std::vector<int> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(Connect(port));
    ASSERT_GE(slow.back(), 0);
    ASSERT_GT(::send(slow.back(), "GET / HTTP/1.1\r\n", 16, MSG_NOSIGNAL), 0);
  }
  std::atomic<bool> done{false};
  std::thread drip([&] {
    for (int line = 0; !done; ++line) {
      const std::string header = "X-Slow-" + std::to_string(line) + ": 1\r\n";
      for (int fd : slow) (void)::send(fd, header.data(), header.size(), MSG_NOSIGNAL);
      for (int i = 0; i < 10 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  const std::vector<double> busy = BoardRound(port, admin, &failures);
  done = true;
  drip.join();
  EXPECT_EQ(failures, 0);
  std::cout << "[ board, 8 clients ] alone: p50 " << quiet[quiet.size() / 2] * 1000 << " ms, p99 " << P99(quiet) * 1000
            << " ms; with 64 idle + 8 slow-header connections: p50 " << busy[busy.size() / 2] * 1000 << " ms, p99 "
            << P99(busy) * 1000 << " ms\n";
  // The held connections add next to nothing: a thread per connection would make every
  // request wait for a slow client's timeout (here 120 s). The margin covers a sanitized build
  // on a shared machine (measured there: p99 2.2 s alone, 2.5 s with the held connections, all
  // of it the 8 clients queueing for the one lock there was then); the real figures are bench/web's
  // (docs/performance.md: 80 ms and 73 ms in a Release build).
  EXPECT_LT(P99(busy), 2 * P99(quiet) + 0.5);
  EXPECT_LT(P99(busy), 8.0);
  for (int fd : held)
    if (fd >= 0) ::close(fd);
  for (int fd : slow) ::close(fd);
}

// Behind a TLS proxy (--secure-cookie): every cookie is marked Secure.
class SecureCookieServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    harness_ = Harness::Start("secure", &error, /*secure_cookie=*/true).release();
    ASSERT_NE(harness_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete harness_;
    harness_ = nullptr;
  }
  static Harness* harness_;
};
Harness* SecureCookieServerTest::harness_ = nullptr;

TEST_F(SecureCookieServerTest, CookiesAreSecure) {
  ASSERT_NE(harness_, nullptr);
  const Session s = Login(harness_->port, "dana", kDanaPassword);
  EXPECT_THAT(s.set_cookie, HasSubstr("; Secure"));
  EXPECT_THAT(s.set_cookie, HasSubstr("; HttpOnly"));
  httplib::Result page = Get(harness_->port, "/login");
  ASSERT_EQ(StatusOf(page), 200);
  EXPECT_THAT(page->get_header_value("Set-Cookie"), HasSubstr("; Secure"));
  httplib::Result out = PostJson(harness_->port, "/api/logout", Json::object(), &s);
  ASSERT_EQ(StatusOf(out), 200);
  EXPECT_THAT(out->get_header_value("Set-Cookie"), HasSubstr("; Secure"));
}

// Live intake: the hooks turned on by their secrets, as `ringback serve` does from the
// environment. Requests are signed here with the C++ signer; tests/hooks/ signs them with
// Twilio's own Node library.
constexpr const char* kTwilioToken = "test-twilio-auth-token";
constexpr const char* kFormSecret = "test-form-secret";
constexpr const char* kPublicUrl = "https://ringback.example.test";

class HookServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    harness_ = Harness::Start("hooks", &error, false, [](ServeOptions& o) {
                 o.public_url = "https://Ringback.Example.test/";  // written as an admin might
                 o.twilio_auth_token = kTwilioToken;
                 o.form_secret = kFormSecret;
               }).release();
    ASSERT_NE(harness_, nullptr) << error;
    admin_ = Login(harness_->port, "maria", kMariaPassword);
  }
  static void TearDownTestSuite() {
    delete harness_;
    harness_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(harness_, nullptr);
    port_ = harness_->port;
  }

  // A Twilio form POST, signed over the public URL unless `signature` is given.
  httplib::Result Twilio(const std::string& path, const FormParams& params, std::optional<std::string> signature = {},
                         const Session* session = nullptr) {
    std::string body;
    for (const auto& [k, v] : params) body += (body.empty() ? "" : "&") + UrlEncode(k) + "=" + UrlEncode(v);
    httplib::Headers headers = With(session);
    const std::string sig = signature.value_or(TwilioSignature(kTwilioToken, std::string(kPublicUrl) + path, params));
    if (!sig.empty()) headers.emplace("X-Twilio-Signature", sig);
    return ClientFor(port_).Post(path.c_str(), headers, body, "application/x-www-form-urlencoded");
  }

  httplib::Result Form(const std::string& source, const std::string& json, std::optional<std::string> signature = {}) {
    httplib::Headers headers;
    const std::string sig = signature.value_or(FormSignature(kFormSecret, json));
    if (!sig.empty()) headers.emplace("X-Ringback-Signature", sig);
    return ClientFor(port_).Post(("/hooks/form/" + source).c_str(), headers, json, "application/json");
  }

  // Every row of the queue (all statuses) as the API shows it.
  std::vector<Json> Cards() {
    std::vector<Json> out;
    const Json queue = JsonOf(Get(port_, "/api/queue?status=all", &admin_));
    if (!queue.contains("groups")) return out;
    for (const Json& g : queue["groups"])
      for (const Json& item : g["items"]) out.push_back(item);
    return out;
  }

  std::vector<Json> CardsOf(const std::string& display_phone) {
    std::vector<Json> out;
    for (const Json& c : Cards())
      if (c.value("contact", "").find(display_phone) != std::string::npos) out.push_back(c);
    return out;
  }

  static Harness* harness_;
  static Session admin_;
  int port_ = 0;
};
Harness* HookServerTest::harness_ = nullptr;
Session HookServerTest::admin_;

TEST_F(HookServerTest, ASignedMissedCallIsOnTheBoardWithAnOwnerAtOnce) {
  httplib::Result r = Twilio("/hooks/twilio/voice", {{"CallSid", "CA9a01"}, {"From", "+15125550401"},
                                                     {"To", "+15125550100"}, {"Direction", "inbound"},
                                                     {"CallStatus", "no-answer"}, {"CallDuration", "0"}});
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  EXPECT_THAT(r->get_header_value("Content-Type"), StartsWith("text/xml"));
  EXPECT_EQ(r->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
  const std::vector<Json> cards = CardsOf("(512) 555-0401");
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_FALSE(cards[0].value("owner", "").empty());
  EXPECT_FALSE(cards[0].value("deadline", "").empty());
  EXPECT_THAT(BodyOf(Get(port_, "/", &admin_)), HasSubstr("(512) 555-0401")) << "the board page shows it too";
}

// A text whose bytes are not UTF-8 (%E9 for é, as a Windows-1252 page escapes it) is read as
// Windows-1252, never stored as it came (found by fuzz/webhook_fuzz.cc on the form hook).
TEST_F(HookServerTest, ATextThatIsNotUtf8IsReadAsWindows1252) {
  httplib::Result r = Twilio("/hooks/twilio/sms", {{"MessageSid", "SM9a09"}, {"From", "+15125550409"},
                                                   {"Body", "Caf\xE9 roof is leaking into the kitchen, call me"}});
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  const std::vector<Json> cards = CardsOf("(512) 555-0409");
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_THAT(cards[0].value("summary", ""), HasSubstr("Café roof")) << cards[0].dump(1);
}

// Found by fuzz/http_fuzz.cc (tests/fuzz/http/twilio-time-*): NUL bytes, or a cut zone, in Twilio's
// Timestamp reached date::parse, whose reading of the seconds was undefined behaviour; such a
// time is ignored and the call is recorded as it arrived.
TEST_F(HookServerTest, AGarbledTwilioTimestampIsIgnored) {
  for (const std::string& when : {std::string("Mon, 23 Nov 202") + std::string(3, '\0') + "6 13:48:07 +0000",
                                  std::string("Mon, 23 Nov 2026 13:48:nan +0000"),
                                  std::string("Mon, 23 Nov 2026 13:48:07 +0")}) {
    httplib::Result r = Twilio("/hooks/twilio/voice", {{"CallSid", "CA9a1" + std::to_string(when.size())},
                                                       {"From", "+15125550410"}, {"To", "+15125550100"},
                                                       {"Direction", "inbound"}, {"CallStatus", "no-answer"},
                                                       {"CallDuration", "0"}, {"Timestamp", when}});
    EXPECT_EQ(StatusOf(r), 200) << BodyOf(r);
  }
}

TEST_F(HookServerTest, AMissingOrWrongSignatureIs403AndCounted) {
  const FormParams params = {{"MessageSid", "SM9a02"}, {"From", "+15125550402"}, {"Body", "hi"}};
  EXPECT_EQ(StatusOf(Twilio("/hooks/twilio/sms", params, std::string())), 403);
  const std::string good = TwilioSignature(kTwilioToken, std::string(kPublicUrl) + "/hooks/twilio/sms", params);
  std::string bad = good;
  bad[3] = bad[3] == 'x' ? 'y' : 'x';
  EXPECT_EQ(StatusOf(Twilio("/hooks/twilio/sms", params, bad)), 403);
  EXPECT_EQ(StatusOf(Twilio("/hooks/twilio/sms", params,
                            TwilioSignature("another-token", std::string(kPublicUrl) + "/hooks/twilio/sms", params))),
            403);
  // Signed for the Host header, not the public URL behind the proxy.
  EXPECT_EQ(StatusOf(Twilio("/hooks/twilio/sms", params,
                            TwilioSignature(kTwilioToken, "http://127.0.0.1:" + std::to_string(port_) + "/hooks/twilio/sms",
                                            params))),
            403);
  EXPECT_TRUE(CardsOf("(512) 555-0402").empty()) << "nothing of a refused request is stored";
  const std::string metrics = BodyOf(Get(port_, "/metrics"));
  EXPECT_THAT(metrics, HasSubstr("ringback_webhooks_total{hook=\"twilio_sms\",result=\"unsigned\"} 1"));
  EXPECT_THAT(metrics, HasSubstr("ringback_webhooks_total{hook=\"twilio_sms\",result=\"bad_signature\"} 3"));
  EXPECT_THAT(metrics, HasSubstr("ringback_http_requests_total{route=\"/hooks/twilio/sms\",method=\"POST\",code=\"403\"} 4"));
  EXPECT_EQ(StatusOf(Twilio("/hooks/twilio/sms", params)), 200) << "the good signature still works";
}

TEST_F(HookServerTest, AHookNeedsNoSessionAndNoCsrfToken) {
  const FormParams params = {{"MessageSid", "SM9a03"}, {"From", "+15125550403"}, {"Body", "Need a roof inspection"}};
  EXPECT_EQ(StatusOf(Twilio("/hooks/twilio/sms", params, std::nullopt, &admin_)), 200)
      << "a browser's session cookie neither helps nor hurts";
  EXPECT_EQ(CardsOf("(512) 555-0403").size(), 1u);
}

TEST_F(HookServerTest, AWebsiteFormSignedWithTheSecretIsACard) {
  const std::string json = R"({"name":"Ana Ruiz","phone":"512-555-0404","email":"ana@example.org",)"
                           R"("message":"Looking for a quote on a new AC unit"})";
  httplib::Result r = Form("website", json);
  ASSERT_EQ(StatusOf(r), 200) << BodyOf(r);
  EXPECT_EQ(JsonOf(r)["ok"], true);
  EXPECT_EQ(JsonOf(r)["duplicate"], false);
  ASSERT_EQ(CardsOf("(512) 555-0404").size(), 1u);
  EXPECT_EQ(CardsOf("(512) 555-0404")[0]["channel"], "form");
  httplib::Result again = Form("website", json);
  EXPECT_EQ(JsonOf(again)["duplicate"], true) << "the site sent the same body again";
  EXPECT_EQ(CardsOf("(512) 555-0404").size(), 1u);
  EXPECT_EQ(StatusOf(Form("website", json, std::string())), 403);
  EXPECT_EQ(StatusOf(Form("website", json, FormSignature("wrong", json))), 403);
  EXPECT_EQ(StatusOf(Form("website", json + " ", FormSignature(kFormSecret, json))), 403) << "one byte more";
  httplib::Result nobody = Form("website", R"({"name":"Ana","message":"call me"})");
  EXPECT_EQ(StatusOf(nobody), 422) << BodyOf(nobody);
  EXPECT_TRUE(JsonOf(nobody).contains("error"));
}

TEST_F(HookServerTest, ACalendarLinkShowsItsPersonsCallbacksUntilRevoked) {
  // Jake's own open work as the stored queue has it.
  std::vector<std::string> jakes;
  for (const Json& c : Cards())
    if (c.value("owner", "") == kJake && (c["status"] == "open" || c["status"] == "overdue" || c["status"] == "attempted"))
      jakes.push_back(c["id"]);
  ASSERT_FALSE(jakes.empty());
  httplib::Result made = PostJson(port_, "/api/calendar-feeds", Json{{"person", kJake}}, &admin_);
  ASSERT_EQ(StatusOf(made), 200) << BodyOf(made);
  const std::string url = JsonOf(made)["url"];
  ASSERT_THAT(url, StartsWith("https://ringback.example.test/ical/"));
  const std::string path = url.substr(std::string(kPublicUrl).size());
  httplib::Result feed = Get(port_, path);
  ASSERT_EQ(StatusOf(feed), 200);
  EXPECT_THAT(feed->get_header_value("Content-Type"), StartsWith("text/calendar"));
  EXPECT_THAT(feed->body, HasSubstr("BEGIN:VEVENT"));
  EXPECT_THAT(feed->body, Not(HasSubstr("BEGIN:VTODO")));
  for (const std::string& id : jakes) EXPECT_THAT(feed->body, HasSubstr("UID:" + id + "@")) << id;
  EXPECT_THAT(BodyOf(Get(port_, path + "?tasks=1")), HasSubstr("BEGIN:VTODO"));
  {  // only the token's hash is stored
    auto db = sqlite::Database::Open(harness_->db.string());
    ASSERT_TRUE(db.ok());
    auto st = db->Prepare("SELECT count(*) FROM calendar_feeds WHERE token_hash = ?");
    ASSERT_TRUE(st.ok());
    const std::string token = path.substr(6, 64);
    st->Bind(1, token);
    ASSERT_TRUE(*st->Step());
    EXPECT_EQ(st->Int(0), 0);
  }
  EXPECT_THAT(BodyOf(Get(port_, "/settings", &admin_)), HasSubstr("in use since"));
  // A new link replaces the old one; revoking ends it.
  httplib::Result again = PostJson(port_, "/api/calendar-feeds", Json{{"person", kJake}}, &admin_);
  const std::string path2 = std::string(JsonOf(again)["url"]).substr(std::string(kPublicUrl).size());
  EXPECT_EQ(StatusOf(Get(port_, path)), 404);
  EXPECT_EQ(StatusOf(Get(port_, path2)), 200);
  EXPECT_EQ(StatusOf(PostJson(port_, "/api/calendar-feeds/revoke", Json{{"person", kJake}}, &admin_)), 200);
  EXPECT_EQ(StatusOf(Get(port_, path2)), 404);
  EXPECT_EQ(StatusOf(PostJson(port_, "/api/calendar-feeds", Json{{"person", "Nobody Here"}}, &admin_)), 400);
}

TEST_F(HookServerTest, TheSettingsFormShowsANewLinkOnce) {
  const std::string csrf = admin_.csrf;
  httplib::Result page = PostForm(port_, "/settings/calendar-feeds", {{"person", "Tom Nguyen"}}, &admin_, csrf);
  ASSERT_EQ(StatusOf(page), 200) << BodyOf(page);
  EXPECT_THAT(page->body, HasSubstr("value=\"https://ringback.example.test/ical/"));
  EXPECT_THAT(BodyOf(Get(port_, "/settings", &admin_)), Not(HasSubstr("/ical/"))) << "shown once, then only its date";
}

TEST(HookServerOptions, ATwilioTokenWithoutAPublicUrlDoesNotStart) {
  std::string error;
  auto harness = Harness::Start("no-public-url", &error, false, [](ServeOptions& o) { o.twilio_auth_token = "t"; });
  EXPECT_EQ(harness, nullptr);
  EXPECT_THAT(error, HasSubstr("public URL"));
  EXPECT_FALSE(NormalizePublicUrl("ftp://x").ok());
  EXPECT_FALSE(NormalizePublicUrl("https://x.test/?a=1").ok());
  EXPECT_EQ(*NormalizePublicUrl("HTTPS://Ringback.Example.test/Base/"), "https://ringback.example.test/Base");
}

}  // namespace
}  // namespace ringback::web
