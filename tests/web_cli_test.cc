// End-to-end: `ringback user add|list` and `ringback serve`, the real binary. Accounts made on
// the command line sign in to the served app; the server prints where it listens and stops
// cleanly on SIGTERM.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "e2e_support.h"
#include "store/store.h"
#include "web/password.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using e2e::kBinary;
using e2e::kSource;
using e2e::Ringback;
using e2e::RunResult;
using e2e::Shell;
using ::testing::HasSubstr;

const std::string kConfigPath = kSource + "/config/company.example.toml";

class WebCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ringback-webcli-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // An empty database of the current schema, as an audit leaves it.
    StatusOr<std::unique_ptr<Store>> store = OpenStore(DbValue(), "default");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The database as a shell argument, and as itself (for argv and the store).
  std::string Db() const { return e2e::DbArg(dir_ / "rb.db"); }
  std::string DbValue() const { return e2e::Db(dir_ / "rb.db"); }

  // `ringback user add ARGS --password-stdin` with `password` (and a newline) on standard input.
  RunResult AddUser(const std::string& args, const std::string& password, const std::string& line_end = "\\n") const {
    return Shell("printf '%s" + line_end + "' '" + password + "' | " + kBinary + " user add " + args +
                 " --password-stdin");
  }

  std::optional<User> StoredUser(const std::string& login) const {
    StatusOr<std::unique_ptr<Store>> store = OpenStore(DbValue(), "default");
    if (!store.ok()) return std::nullopt;
    StatusOr<User> user = (*store)->GetUser(login);
    if (!user.ok()) return std::nullopt;
    return *user;
  }

  fs::path dir_;
};

TEST_F(WebCli, UserAddStoresAnArgon2idHashOfThePassword) {
  const RunResult r = AddUser("maria --role owner --name 'Maria Alvarez' --config " + kConfigPath + " --db " + Db(),
                              "correct horse battery");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("added maria (admin, Maria Alvarez)"));
  std::optional<User> maria = StoredUser("maria");
  ASSERT_TRUE(maria.has_value());
  EXPECT_EQ(maria->role, AccessRole::kAdmin);
  EXPECT_EQ(maria->person, "Maria Alvarez");
  EXPECT_FALSE(maria->disabled);
  EXPECT_TRUE(maria->password_hash.starts_with("$argon2id$")) << maria->password_hash;
  EXPECT_TRUE(web::VerifyPassword("correct horse battery", maria->password_hash)) << "the newline is not part of it";
  EXPECT_FALSE(web::VerifyPassword("correct horse battery\n", maria->password_hash));
}

TEST_F(WebCli, UserAddTakesTheLoginInLowerCaseAndAWindowsLineEnd) {
  const RunResult r = AddUser("Dana --role office --db " + Db(), "dana-office-pass", "\\r\\n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::optional<User> dana = StoredUser("dana");
  ASSERT_TRUE(dana.has_value()) << "stored as typed at sign-in: lower case";
  EXPECT_EQ(dana->person, "dana") << "an office account without --name is known by its login";
  EXPECT_TRUE(web::VerifyPassword("dana-office-pass", dana->password_hash));
}

TEST_F(WebCli, UserAddRefusesAShortPassword) {
  const RunResult r = AddUser("maria --role admin --db " + Db(), "123456789");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("at least 10 characters"));
  EXPECT_FALSE(StoredUser("maria").has_value());
  EXPECT_EQ(AddUser("maria --role admin --db " + Db(), "").exit_code, 2);
}

TEST_F(WebCli, AnExistingLoginIsReplacedOnlyWithReplace) {
  ASSERT_EQ(AddUser("maria --role admin --db " + Db(), "first password 1").exit_code, 0);
  const RunResult again = AddUser("maria --role admin --db " + Db(), "second password 2");
  EXPECT_EQ(again.exit_code, 1) << again.out;
  EXPECT_THAT(again.out, HasSubstr("--replace"));
  EXPECT_TRUE(web::VerifyPassword("first password 1", StoredUser("maria")->password_hash));
  const RunResult reset = AddUser("maria --role admin --replace --db " + Db(), "second password 2");
  ASSERT_EQ(reset.exit_code, 0) << reset.out;
  EXPECT_TRUE(web::VerifyPassword("second password 2", StoredUser("maria")->password_hash));
  EXPECT_FALSE(web::VerifyPassword("first password 1", StoredUser("maria")->password_hash));
}

TEST_F(WebCli, TechniciansAndEstimatorsNeedARosterName) {
  for (const char* role : {"technician", "estimator"}) {
    const RunResult r = AddUser(std::string("someone --role ") + role + " --db " + Db(), "long enough pass");
    EXPECT_EQ(r.exit_code, 2) << role << ": " << r.out;
    EXPECT_THAT(r.out, HasSubstr("--name"));
  }
  const RunResult off_roster =
      AddUser("jake --role technician --name 'Jake Turnip' --config " + kConfigPath + " --db " + Db(), "long enough pass");
  EXPECT_EQ(off_roster.exit_code, 2) << off_roster.out;
  EXPECT_THAT(off_roster.out, HasSubstr("not on the team roster"));
  EXPECT_FALSE(StoredUser("jake").has_value());
  const RunResult ok =
      AddUser("jake --role technician --name 'Jake Turner' --config " + kConfigPath + " --db " + Db(), "long enough pass");
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
}

TEST_F(WebCli, UserAddRefusesBadUsage) {
  EXPECT_EQ(AddUser("maria --role wizard --db " + Db(), "long enough pass").exit_code, 2);
  EXPECT_EQ(AddUser("'bad login!' --role admin --db " + Db(), "long enough pass").exit_code, 2);
  EXPECT_EQ(AddUser("maria --db " + Db(), "long enough pass").exit_code, 2) << "--role is required";
  EXPECT_EQ(Ringback("user").exit_code, 2);
  EXPECT_EQ(Ringback("user remove maria --db " + Db()).exit_code, 2);
  // No terminal to ask on and no --password-stdin: refused, not hung.
  const RunResult no_tty = Shell(kBinary + " user add maria --role admin --db " + Db() + " < /dev/null");
  EXPECT_EQ(no_tty.exit_code, 2) << no_tty.out;
  EXPECT_THAT(no_tty.out, HasSubstr("--password-stdin"));
}

TEST_F(WebCli, UserAddOnAMissingDatabaseFails) {
  const std::string missing = (dir_ / "missing.db").string();
  const RunResult r = AddUser("maria --role admin --db " + e2e::DbArg(missing), "long enough pass");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_FALSE(e2e::DbExists(missing)) << "no empty database is created by accident";
}

TEST_F(WebCli, UserListListsTheAccounts) {
  ASSERT_EQ(AddUser("maria --role admin --name 'Maria Alvarez' --db " + Db(), "long enough pass").exit_code, 0);
  ASSERT_EQ(AddUser("jake --role tech --name 'Jake Turner' --db " + Db(), "long enough pass").exit_code, 0);
  const RunResult list = Ringback("user list --db " + Db());
  ASSERT_EQ(list.exit_code, 0) << list.out;
  EXPECT_EQ(list.out, "jake\ttechnician\tJake Turner\nmaria\tadmin\tMaria Alvarez\n");
  EXPECT_EQ(Ringback("user list --db " + e2e::DbArg(dir_ / "missing.db")).exit_code, 1);
}

TEST_F(WebCli, ServeOnAMissingDatabaseFails) {
  const RunResult r = Ringback("serve --db " + e2e::DbArg(dir_ / "missing.db") + " --config " + kConfigPath +
                               " --listen 127.0.0.1:0");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("run `ringback audit"));
  EXPECT_FALSE(e2e::DbExists((dir_ / "missing.db").string()));
}

TEST_F(WebCli, ServeRefusesABadListenAddress) {
  for (const char* listen : {"127.0.0.1:http", "127.0.0.1:70000", "[::1]"}) {
    const RunResult r = Ringback("serve --db " + Db() + " --config " + kConfigPath + " --listen '" + listen + "'");
    EXPECT_EQ(r.exit_code, 2) << listen << ": " << r.out;
  }
}

TEST_F(WebCli, ServeWantsThePublicUrlTwilioSignsWithTheToken) {
  const RunResult r = Shell("RINGBACK_TWILIO_AUTH_TOKEN=abc " + kBinary + " serve --db " + Db() + " --config " +
                            kConfigPath + " --listen 127.0.0.1:0");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("--public-url"));
  const RunResult bad = Ringback("serve --db " + Db() + " --config " + kConfigPath +
                                 " --listen 127.0.0.1:0 --public-url 'ringback.example.com'");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_THAT(bad.out, HasSubstr("not an http(s) URL"));
}

// A `ringback serve` child process with its standard output and error on a pipe.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args) {
    std::vector<std::string> all = {kBinary, "serve"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::dup2(fds[1], STDERR_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    fd_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }

  // Reads output until it holds a whole line matching `re`, the child ends, or a minute passes.
  std::smatch WaitFor(const std::regex& re) {
    std::smatch m;
    for (int waited = 0; waited < 600; ++waited) {
      std::size_t end = 0;
      for (std::size_t nl; (nl = output_.find('\n', end)) != std::string::npos; end = nl + 1) {
        line_ = output_.substr(end, nl - end);
        if (std::regex_search(line_, m, re)) return m;
      }
      if (!ReadSome(100)) break;
    }
    return m;
  }

  // Sends `signal` and waits (a minute at most) for the exit; the exit code, or -1.
  int Stop(int signal) {
    ::kill(pid_, signal);
    for (int waited = 0; waited < 600; ++waited) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        while (ReadSome(0)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      if (!ReadSome(100)) std::this_thread::sleep_for(std::chrono::milliseconds(100));  // output closed
    }
    return -1;
  }

  const std::string& output() const { return output_; }
  bool started() const { return pid_ > 0 && fd_ >= 0; }

 private:
  // Reads what is there within `ms`; false at the end of the output.
  bool ReadSome(int ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) return true;
    char buf[4096];
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    output_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string output_, line_;
};

TEST_F(WebCli, ServeListensAnswersAndStopsOnSigterm) {
  const RunResult audit = Ringback("audit " + kSource + "/examples/sample-week/exports --config " + kConfigPath +
                                   " --as-of 2026-11-23T08:00 --db " + Db() + " --out " + (dir_ / "out").string());
  ASSERT_EQ(audit.exit_code, 0) << audit.out;
  ASSERT_EQ(AddUser("maria --role admin --name 'Maria Alvarez' --db " + Db(), "maria owner password").exit_code, 0);
  ServeProcess serve({"--db", DbValue(), "--config", kConfigPath, "--listen", "127.0.0.1:0", "--as-of", "2026-11-23T08:00"});
  ASSERT_TRUE(serve.started());
  const std::smatch listening = serve.WaitFor(std::regex(R"(ringback serve: listening on http://127\.0\.0\.1:([0-9]+)$)"));
  ASSERT_FALSE(listening.empty()) << serve.output();
  const int port = std::stoi(listening[1]);
  ASSERT_GT(port, 0);

  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  httplib::Result health = client.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_THAT(health->body, HasSubstr("\"status\":\"ok\""));
  // The account made on the command line signs in.
  httplib::Result login =
      client.Post("/api/login", R"({"login":"maria","password":"maria owner password"})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200) << login->body;
  httplib::Result wrong = client.Post("/api/login", R"({"login":"maria","password":"not it at all"})", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);

  EXPECT_EQ(serve.Stop(SIGTERM), 0) << serve.output();
  EXPECT_THAT(serve.output(), HasSubstr("ringback serve: stopped"));
  EXPECT_FALSE(client.Get("/healthz")) << "nothing listens after the stop";
}

// --company-config SLUG=FILE serves another company of the database beside the home one: an
// account of that company alone signs in to it, and a malformed pair or an unknown company is
// refused before the server starts.
TEST_F(WebCli, ServeServesMoreCompaniesWithTheirConfigs) {
  ASSERT_EQ(AddUser("bob --role admin --name 'Bob Stone' --company bolt --db " + Db(), "bob bolt password").exit_code, 0);
  for (const char* pair : {"bolt", "=x.toml", "bolt="}) {
    const RunResult r = Ringback("serve --db " + Db() + " --config " + kConfigPath + " --company-config '" + pair +
                                 "' --listen 127.0.0.1:0");
    EXPECT_EQ(r.exit_code, 2) << pair << ": " << r.out;
    EXPECT_THAT(r.out, HasSubstr("SLUG=FILE")) << pair;
  }
  const RunResult unknown = Ringback("serve --db " + Db() + " --config " + kConfigPath + " --company-config nosuch=" +
                                     kConfigPath + " --listen 127.0.0.1:0");
  EXPECT_EQ(unknown.exit_code, 1) << unknown.out;
  EXPECT_THAT(unknown.out, HasSubstr("no company \"nosuch\""));

  ServeProcess serve({"--db", DbValue(), "--config", kConfigPath, "--company-config", "bolt=" + kConfigPath, "--listen",
                      "127.0.0.1:0"});
  ASSERT_TRUE(serve.started());
  const std::smatch listening = serve.WaitFor(std::regex(R"(listening on http://127\.0\.0\.1:([0-9]+)$)"));
  ASSERT_FALSE(listening.empty()) << serve.output();
  httplib::Client client("127.0.0.1", std::stoi(listening[1]));
  client.set_read_timeout(30, 0);
  httplib::Result login =
      client.Post("/api/login", R"({"login":"bob","password":"bob bolt password"})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200) << login->body;
  EXPECT_THAT(login->body, HasSubstr("\"company\": \"bolt\""));
  EXPECT_EQ(serve.Stop(SIGTERM), 0) << serve.output();
}

TEST_F(WebCli, ServeStopsOnSigintToo) {
  ServeProcess serve({"--db", DbValue(), "--config", kConfigPath, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(serve.started());
  ASSERT_FALSE(serve.WaitFor(std::regex("listening on")).empty()) << serve.output();
  EXPECT_EQ(serve.Stop(SIGINT), 0) << serve.output();
}

TEST_F(WebCli, ServeOnATakenPortFails) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const int port = ntohs(addr.sin_port);
  const RunResult r =
      Ringback("serve --db " + Db() + " --config " + kConfigPath + " --listen 127.0.0.1:" + std::to_string(port));
  ::close(fd);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("cannot listen"));
}

TEST_F(WebCli, ASecondServeOnThePortOfARunningOneFails) {
  ServeProcess first({"--db", DbValue(), "--config", kConfigPath, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(first.started());
  const std::smatch listening = first.WaitFor(std::regex(R"(listening on http://127\.0\.0\.1:([0-9]+)$)"));
  ASSERT_FALSE(listening.empty()) << first.output();
  const std::string port = listening[1];
  // Two servers sharing a port would split the requests between two sets of sign-in throttles
  // and waiting uploads: the second must be refused.
  ServeProcess second({"--db", DbValue(), "--config", kConfigPath, "--listen", "127.0.0.1:" + port});
  ASSERT_TRUE(second.started());
  second.WaitFor(std::regex("listening on|cannot listen"));
  EXPECT_THAT(second.output(), HasSubstr("cannot listen")) << "port " << port;
  EXPECT_EQ(second.Stop(SIGTERM), 1) << second.output();
  EXPECT_EQ(first.Stop(SIGTERM), 0) << first.output();
}

}  // namespace
}  // namespace ringback
