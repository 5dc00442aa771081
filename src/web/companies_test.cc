// One `ringback serve` for two companies in one database, on each store: a person of one
// company gets 404 for the other's work on every route of web::AllRoutes() that names work, sees
// none of it on any page, and switches only between the companies they are a member of.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "config/config_loader.h"
#include "pipeline/audit.h"
#include "store/store.h"
#include "store/test_postgres.h"
#include "web/app.h"
#include "web/password.h"
#include "web/server.h"

namespace ringback::web {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kSource = RINGBACK_SOURCE_DIR;
const Timestamp kAsOf = *ParseUtc("2026-11-23T14:00:00Z");
constexpr const char* kMariaPassword = "maria-owner-pass-1";
constexpr const char* kBobPassword = "bob-bolt-pass-2";

enum class Engine { kSqlite, kPostgres };
std::string EngineName(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Answer {
  int status = -1;
  std::string body;
};

httplib::Client ClientFor(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60, 0);
  return client;
}

Answer Of(const httplib::Result& r) { return r ? Answer{r->status, r->body} : Answer{}; }

struct Session {
  std::string cookie, csrf;
};

// What one company holds that the other must never see: ids of its open work, and the names and
// phone numbers of its contacts.
struct Work {
  std::vector<std::string> ids;
  std::set<std::string> words;
  std::string phone;  // one contact's, as a forget request names it
};

class CompaniesTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ringback-companies-" + std::to_string(::getpid()) + "-" + EngineName({GetParam(), 0}));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    if (GetParam() == Engine::kPostgres) {
      std::string why;
      ASSERT_FALSE(test_postgres::ServerUri(&why).empty()) << why;
      db_ = test_postgres::NewDatabase("companies");
    } else {
      db_ = (dir_ / "rb.db").string();
    }
    const std::string config_path = (dir_ / "company.toml").string();
    const std::string bolt_config = (dir_ / "bolt.toml").string();
    fs::copy_file(kSource + "/config/company.example.toml", config_path);
    fs::copy_file(kSource + "/config/company.example.toml", bolt_config);
    StatusOr<CompanyConfig> config = LoadConfig(config_path);
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    for (const auto& [company, input] :
         {std::pair{std::string("default"), kSource + "/examples/sample-week/exports"},
          std::pair{std::string("bolt"), kSource + "/tests/fixtures/ingest/gravityforms_entries.csv"}}) {
      AuditOptions options;
      options.inputs = {input};
      options.db_path = db_;
      options.company = company;
      options.as_of = kAsOf;
      StatusOr<AuditResult> audit = RunAudit(*config, options);
      ASSERT_TRUE(audit.ok()) << company << ": " << audit.status().ToString();
    }
    StatusOr<std::string> maria_hash = HashPassword(kMariaPassword);
    StatusOr<std::string> bob_hash = HashPassword(kBobPassword);
    ASSERT_TRUE(maria_hash.ok() && bob_hash.ok());
    {
      auto home = OpenStore(db_, "default");
      auto bolt = OpenStore(db_, "bolt");
      auto other = OpenStore(db_, "other");  // a company in the database that this server does not serve
      ASSERT_TRUE(home.ok() && bolt.ok() && other.ok());
      ASSERT_TRUE((*home)->PutUser({"maria", "Maria Alvarez", AccessRole::kAdmin, *maria_hash, kAsOf, false}).ok());
      ASSERT_TRUE((*bolt)->PutUser({"maria", "M. Alvarez", AccessRole::kOffice, *maria_hash, kAsOf, false}).ok());
      ASSERT_TRUE((*bolt)->PutUser({"bob", "Bob Stone", AccessRole::kAdmin, *bob_hash, kAsOf, false}).ok());
      ASSERT_TRUE((*other)->PutUser({"bob", "Bob Stone", AccessRole::kAdmin, *bob_hash, kAsOf, false}).ok());
      home_ = WorkOf(**home);
      bolt_ = WorkOf(**bolt);
    }
    // Words both companies hold (a first name, say) tell nothing: only each one's own count.
    for (auto it = home_.words.begin(); it != home_.words.end();) {
      if (bolt_.words.erase(*it)) it = home_.words.erase(it);
      else ++it;
    }
    ASSERT_GE(home_.ids.size(), 3u);
    ASSERT_GE(bolt_.ids.size(), 1u);
    ASSERT_GE(home_.words.size(), 5u);
    ASSERT_GE(bolt_.words.size(), 2u);

    ServeOptions serve;
    serve.db_path = db_;
    serve.config_path = config_path;
    serve.companies = {{"bolt", bolt_config}};
    serve.as_of = kAsOf;
    serve.assets_dir = (dir_ / "no-assets").string();
    StatusOr<std::unique_ptr<WebServer>> server = WebServer::Open(serve);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    StatusOr<int> port = server_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([s = server_.get()] { s->Run(); });
    ASSERT_EQ(Of(ClientFor(port_).Get("/healthz")).status, 200);
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static Work WorkOf(Store& store) {
    Work w;
    EXPECT_TRUE(store.ForEachOpportunity([&](const Opportunity& o) {
      if (!o.duplicate_of.empty()) return Status::Ok();
      w.ids.push_back(o.id);
      // The display is a name or a formatted number: pages show it as is.
      if (o.contact_display.size() >= 5) w.words.insert(o.contact_display);
      if (w.phone.empty() && o.contact_key.starts_with("tel:")) w.phone = o.contact_key.substr(4);
      return Status::Ok();
    }).ok());
    return w;
  }

  Session SignIn(const std::string& login, const std::string& password) {
    httplib::Result r = ClientFor(port_).Post("/api/login", Json{{"login", login}, {"password", password}}.dump(),
                                              "application/json");
    EXPECT_TRUE(r && r->status == 200) << login << ": " << (r ? r->body : "no answer");
    if (!r || r->status != 200) return {};
    const std::string set_cookie = r->get_header_value("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')), Json::parse(r->body)["csrf_token"].get<std::string>()};
  }

  Answer Get(const std::string& path, const Session& s) {
    return Of(ClientFor(port_).Get(path.c_str(), {{"Cookie", s.cookie}}));
  }
  // A POST as the route's pages or API send it, with the session's CSRF token.
  Answer Post(const std::string& path, const Json& fields, const Session& s) {
    if (path.starts_with("/api/"))
      return Of(ClientFor(port_).Post(path.c_str(), {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, fields.dump(),
                                      "application/json"));
    std::string body = "csrf_token=" + UrlEncode(s.csrf);
    for (auto it = fields.begin(); it != fields.end(); ++it)
      body += "&" + it.key() + "=" + UrlEncode(it.value().get<std::string>());
    return Of(ClientFor(port_).Post(path.c_str(), {{"Cookie", s.cookie}}, body, "application/x-www-form-urlencoded"));
  }

  // The words of `work` that `body` shows.
  static std::vector<std::string> Shown(const Work& work, const std::string& body) {
    std::vector<std::string> out;
    for (const std::string& w : work.words)
      if (body.find(w) != std::string::npos || body.find(Json(w).dump()) != std::string::npos) out.push_back(w);
    return out;
  }

  fs::path dir_;
  std::string db_;
  Work home_, bolt_;
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
  int port_ = 0;
};

INSTANTIATE_TEST_SUITE_P(BothStores, CompaniesTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

// Bob is bolt's admin (every role check passes) and a member of no company the other serves.
TEST_P(CompaniesTest, EveryRouteAnswers404ForAnotherCompanysWorkAndNoPageShowsIt) {
  const Session bob = SignIn("bob", kBobPassword);
  ASSERT_FALSE(bob.cookie.empty());
  const std::regex id_example("R-0000000000");
  int named = 0, pages = 0;
  for (const Route& route : AllRoutes()) {
    if (!NeedsSession(route)) continue;
    const std::string what = route.method + " " + route.pattern;
    if (route.example.find("R-0000000000") != std::string::npos) {
      ++named;
      for (const std::string& id : {home_.ids.front(), home_.ids.back()}) {
        const std::string path = std::regex_replace(route.example, id_example, id);
        const Answer a = route.method == "GET" ? Get(path, bob) : Post(path, Json::object(), bob);
        EXPECT_EQ(a.status, 404) << what << " with the other company's " << id << ": " << a.body.substr(0, 200);
        EXPECT_THAT(Shown(home_, a.body), ::testing::IsEmpty()) << what;
      }
      if (route.method == "GET") {  // the same route with bolt's own work is no 404: the test can fail
        const Answer own = Get(std::regex_replace(route.example, id_example, bolt_.ids.front()), bob);
        EXPECT_EQ(own.status, 200) << what << ": " << own.body.substr(0, 200);
      }
    } else if (route.method == "GET") {
      ++pages;
      const Answer a = Get(route.example, bob);
      EXPECT_TRUE(a.status == 200 || a.status == 404) << what << ": " << a.status;
      EXPECT_THAT(Shown(home_, a.body), ::testing::IsEmpty()) << what << " shows the other company's contacts";
    }
  }
  EXPECT_GE(named, 10) << "the opportunity page, its API and every action on it, page and API";
  EXPECT_GE(pages, 15);
  // The board shows bolt's own work, so the checks above could have seen the other's.
  EXPECT_THAT(Shown(bolt_, Get("/api/queue?status=all", bob).body), ::testing::Not(::testing::IsEmpty()));

  // The actions that name work by something else than its id: forgetting a person by phone.
  for (const char* path : {"/api/forget", "/settings/forget"}) {
    const Answer a = Post(path, {{"who", home_.phone}, {"reason", "asked by phone"}}, bob);
    EXPECT_EQ(a.status, 404) << path << ": " << a.body.substr(0, 200);
  }
  // A webhook for a company this server does not serve.
  EXPECT_EQ(Of(ClientFor(port_).Post("/hooks/twilio/sms?company=other", "From=%2B15125550100&Body=hi",
                                     "application/x-www-form-urlencoded"))
                .status,
            404);
}

TEST_P(CompaniesTest, SwitchingCompanyChangesWhatTheBoardShows) {
  const Session maria = SignIn("maria", kMariaPassword);
  ASSERT_FALSE(maria.cookie.empty());
  Json me = Json::parse(Get("/api/me", maria).body);
  EXPECT_EQ(me["company"], "default") << "the home company first";
  EXPECT_EQ(me["role"], "admin");
  ASSERT_EQ(me["companies"].size(), 2u) << me.dump();
  const Answer home_board = Get("/", maria);
  EXPECT_THAT(Shown(home_, home_board.body), ::testing::Not(::testing::IsEmpty()));
  EXPECT_THAT(Shown(bolt_, home_board.body), ::testing::IsEmpty());
  EXPECT_THAT(home_board.body, HasSubstr("action=\"/company\"")) << "the switch is offered to a person of two companies";

  Answer a = Post("/company", {{"company", "bolt"}}, maria);
  EXPECT_EQ(a.status, 303) << a.body;
  const Answer bolt_board = Get("/", maria);
  EXPECT_THAT(Shown(bolt_, bolt_board.body), ::testing::Not(::testing::IsEmpty()));
  EXPECT_THAT(Shown(home_, bolt_board.body), ::testing::IsEmpty());
  me = Json::parse(Get("/api/me", maria).body);
  EXPECT_EQ(me["company"], "bolt") << "the session keeps the choice";
  EXPECT_EQ(me["role"], "office") << "her role in bolt";
  EXPECT_EQ(me["person"], "M. Alvarez");
  EXPECT_EQ(Get("/settings", maria).status, 200);
  EXPECT_EQ(Post("/api/settings", {{"config", "x"}}, maria).status, 403) << "office in bolt may not change its settings";
  EXPECT_EQ(Get("/o/" + home_.ids.front(), maria).status, 404) << "in bolt, the home company's work is no page";

  // Back, through the API; without the CSRF token nothing changes.
  Session no_csrf = maria;
  no_csrf.csrf = "x";
  EXPECT_EQ(Post("/api/company", {{"company", "default"}}, no_csrf).status, 403);
  EXPECT_EQ(Json::parse(Get("/api/me", maria).body)["company"], "bolt");
  a = Post("/api/company", {{"company", "default"}}, maria);
  EXPECT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(Json::parse(a.body)["role"], "admin");
  EXPECT_EQ(Get("/o/" + home_.ids.front(), maria).status, 200);
}

TEST_P(CompaniesTest, NobodySwitchesToACompanyTheyAreNoMemberOfHere) {
  const Session bob = SignIn("bob", kBobPassword);
  ASSERT_FALSE(bob.cookie.empty());
  const Json me = Json::parse(Get("/api/me", bob).body);
  EXPECT_EQ(me["company"], "bolt") << "not a member of the home company: his only company served here";
  ASSERT_EQ(me["companies"].size(), 1u) << "\"other\" is in the database but not served: " << me.dump();
  EXPECT_THAT(Get("/", bob).body, ::testing::Not(HasSubstr("action=\"/company\"")));
  for (const char* company : {"default", "other", "nosuch"}) {
    EXPECT_EQ(Post("/api/company", {{"company", company}}, bob).status, 404) << company;
    EXPECT_EQ(Post("/company", {{"company", company}}, bob).status, 404) << company;
  }
  EXPECT_EQ(Json::parse(Get("/api/me", bob).body)["company"], "bolt");
  EXPECT_THAT(Shown(home_, Get("/api/queue?status=all", bob).body), ::testing::IsEmpty());
}

TEST_P(CompaniesTest, AnUploadIsConfirmedOnlyIntoTheCompanyItWasUploadedTo) {
  const Session maria = SignIn("maria", kMariaPassword);
  httplib::MultipartFormDataItems items = {
      {"csrf_token", maria.csrf, "", ""},
      {"file", ReadFile(kSource + "/tests/fixtures/ingest/calls_small.csv"), "calls.csv", "text/csv"}};
  httplib::Result r = ClientFor(port_).Post("/api/imports", {{"Cookie", maria.cookie}, {"X-CSRF-Token", maria.csrf}}, items);
  ASSERT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
  const std::string token = Json::parse(r->body)["token"].get<std::string>();
  ASSERT_EQ(Post("/api/company", {{"company", "bolt"}}, maria).status, 200);
  EXPECT_EQ(Post("/api/imports/" + token + "/confirm", Json::object(), maria).status, 404)
      << "uploaded in the home company: not imported into bolt";
  ASSERT_EQ(Post("/api/company", {{"company", "default"}}, maria).status, 200);
  const Answer a = Post("/api/imports/" + token + "/confirm", Json::object(), maria);
  EXPECT_EQ(a.status, 200) << "still waiting for its own company: " << a.body;
}

// No lock is shared by the companies: both record outcomes at the same time while boards are
// read, and every change lands in its own company only (each outcome rebuilds its queue).
TEST_P(CompaniesTest, TwoCompaniesChangesAtOnceAreAllKeptEachInItsOwn) {
  const Session maria = SignIn("maria", kMariaPassword);
  const Session bob = SignIn("bob", kBobPassword);
  ASSERT_FALSE(maria.cookie.empty() || bob.cookie.empty());
  const std::size_t n = std::min<std::size_t>(3, std::min(home_.ids.size(), bolt_.ids.size()));
  std::vector<int> statuses(2 * n + 4, -1);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = Post("/api/opportunities/" + home_.ids[i] + "/outcome", {{"outcome", "booked"}}, maria).status;
    });
    threads.emplace_back([&, i] {
      statuses[n + i] = Post("/api/opportunities/" + bolt_.ids[i] + "/outcome", {{"outcome", "booked"}}, bob).status;
    });
  }
  for (std::size_t i = 0; i < 4; ++i)
    threads.emplace_back([&, i] { statuses[2 * n + i] = Get(i % 2 ? "/" : "/api/queue", i < 2 ? maria : bob).status; });
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < statuses.size(); ++i) EXPECT_EQ(statuses[i], 200) << "request " << i;

  for (const auto& [company, work, other] : {std::tuple{"default", &home_, &bolt_}, std::tuple{"bolt", &bolt_, &home_}}) {
    auto store = OpenStore(db_, company);
    ASSERT_TRUE(store.ok());
    for (std::size_t i = 0; i < n; ++i) {
      auto outcomes = (*store)->OutcomesFor(work->ids[i]);
      ASSERT_TRUE(outcomes.ok());
      EXPECT_TRUE(std::any_of(outcomes->begin(), outcomes->end(),
                              [](const Outcome& o) { return o.kind == OutcomeKind::kBooked && !o.inferred; }))
          << company << " " << work->ids[i];
      EXPECT_TRUE((*store)->OutcomesFor(other->ids[i])->empty() ||
                  std::find(work->ids.begin(), work->ids.end(), other->ids[i]) != work->ids.end())
          << "the other company's outcome is not in " << company;
    }
  }
}

}  // namespace
}  // namespace ringback::web
