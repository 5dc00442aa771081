// The transport on its own (http_server.h): a trivial handler behind the real server on a free
// port of 127.0.0.1, spoken to over raw sockets, so deadlines, caps and idle connections are
// exercised exactly. Times are bounded and generous: what is asserted is that nothing waits for
// a slow or idle client, not how fast the machine is (speed is measured in bench/web).
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "web/http_server.h"

namespace ringback::web {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A running HttpServer whose handler answers "ok PATH" (after `delay`) and counts its calls.
class Running {
 public:
  explicit Running(HttpLimits limits, std::chrono::milliseconds delay = std::chrono::milliseconds(0))
      : server_(
            limits,
            [this, delay](httplib::Request& req, httplib::Response& res) {
              ++calls;
              {
                std::lock_guard<std::mutex> lock(mu_);
                last_remote_ = req.remote_addr;
              }
              if (delay.count() > 0) std::this_thread::sleep_for(delay);
              res.status = 200;
              res.set_content("ok " + req.path, "text/plain");
            },
            [](const httplib::Request&, httplib::Response& res) { res.set_content("error", "text/plain"); }) {
    StatusOr<int> bound = server_.Bind("127.0.0.1", 0);
    port = bound.ok() ? *bound : -1;
    thread_ = std::thread([this] { server_.Run(); });
  }
  ~Running() {
    server_.Stop();
    thread_.join();
  }
  int Open() const { return server_.OpenConnections(); }
  // Waits up to `seconds` for the open connection count to reach `n`.
  bool WaitOpen(int n, double seconds = 10) const {
    const auto start = Clock::now();
    while (Open() != n && SecondsSince(start) < seconds) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return Open() == n;
  }

  std::string LastRemote() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_remote_;
  }

  int port = -1;
  std::atomic<int> calls{0};

 private:
  std::mutex mu_;
  std::string last_remote_;
  HttpServer server_;
  std::thread thread_;
};

// A client socket, from `source` (any 127.x.y.z works on Linux loopback).
class Socket {
 public:
  Socket(int port, const char* source = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Socket() { Close(); }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  bool connected() const { return connected_; }
  bool Send(const std::string& data) {
    return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }
  // One answer: its head and a Content-Length body; empty when the connection closed first or
  // nothing came within `seconds`.
  std::string Answer(double seconds = 10) {
    const auto start = Clock::now();
    for (;;) {
      const std::size_t end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        std::size_t length = 0;
        const std::size_t at = buffer_.find("Content-Length: ");
        if (at != std::string::npos && at < end) length = std::stoul(buffer_.substr(at + 16));
        if (buffer_.size() >= end + 4 + length) {
          std::string answer = buffer_.substr(0, end + 4 + length);
          buffer_.erase(0, end + 4 + length);
          return answer;
        }
      }
      if (!Fill(seconds - SecondsSince(start))) return "";
    }
  }
  // True when the server closes the connection within `seconds` (whatever it sent before).
  bool ClosedWithin(double seconds) {
    const auto start = Clock::now();
    while (SecondsSince(start) < seconds) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return true;
      buffer_.append(buf, static_cast<std::size_t>(n));
    }
    return false;
  }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  const std::string& received() const { return buffer_; }

 private:
  bool Fill(double seconds) {
    if (seconds <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(seconds * 1000)) <= 0) return false;
    char buf[16384];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    buffer_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

const std::string kGet = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";

TEST(HttpServer, AnswersAndKeepsTheConnectionAlive) {
  Running server(HttpLimits{});
  Socket s(server.port);
  ASSERT_TRUE(s.connected());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(s.Send(kGet));
    const std::string answer = s.Answer();
    EXPECT_THAT(answer, StartsWith("HTTP/1.1 200 OK\r\n"));
    EXPECT_THAT(answer, HasSubstr("Keep-Alive: timeout=5, max=100"));
    EXPECT_THAT(answer, HasSubstr("\r\n\r\nok /hello"));
  }
  EXPECT_EQ(server.calls, 3);
  ASSERT_TRUE(s.Send("HEAD /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  EXPECT_TRUE(s.ClosedWithin(5));
  EXPECT_THAT(s.received(), HasSubstr("Content-Length: 5\r\n")) << "HEAD: the GET's length, no body";
  EXPECT_THAT(s.received(), HasSubstr("Connection: close"));
  EXPECT_FALSE(s.received().ends_with("ok /x"));
}

// Four idle kept-alive connections and four that never say anything do not hold the one
// worker: another client is answered at once.
TEST(HttpServer, IdleConnectionsHoldNoWorker) {
  HttpLimits limits;
  limits.workers = 1;
  Running server(limits);
  std::vector<std::unique_ptr<Socket>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<Socket>(server.port));
    ASSERT_TRUE(idle.back()->Send(kGet));
    ASSERT_THAT(idle.back()->Answer(), StartsWith("HTTP/1.1 200"));
    idle.push_back(std::make_unique<Socket>(server.port));  // silent
  }
  const auto start = Clock::now();
  Socket other(server.port);
  ASSERT_TRUE(other.Send(kGet));
  EXPECT_THAT(other.Answer(), StartsWith("HTTP/1.1 200"));
  EXPECT_LT(SecondsSince(start), 2.0);
}

TEST(HttpServer, AnIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout) {
  HttpLimits limits;
  limits.idle_timeout = Seconds(1);
  Running server(limits);
  Socket s(server.port);
  ASSERT_TRUE(s.Send(kGet));
  ASSERT_THAT(s.Answer(), StartsWith("HTTP/1.1 200"));
  const auto start = Clock::now();
  EXPECT_TRUE(s.ClosedWithin(10));
  EXPECT_GT(SecondsSince(start), 0.5);
  EXPECT_TRUE(server.WaitOpen(0)) << server.Open();
}

// A slowloris: one header line at a time, never the end of the head. The connection is closed
// at the head deadline, counted from its first byte's connection, and nothing is answered.
TEST(HttpServer, AHeadNotCompleteByTheDeadlineIsClosed) {
  HttpLimits limits;
  limits.header_timeout = Seconds(1);
  Running server(limits);
  Socket s(server.port);
  const auto start = Clock::now();
  ASSERT_TRUE(s.Send("GET /hello HTTP/1.1\r\n"));
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {
    (void)s.Send("X-Drip-" + std::to_string(i) + ": 1\r\n");
    closed = s.ClosedWithin(0.25);
  }
  EXPECT_TRUE(closed);
  EXPECT_GT(SecondsSince(start), 0.9);
  EXPECT_LT(SecondsSince(start), 5.0);
  EXPECT_EQ(s.received(), "") << "closed without an answer";
  EXPECT_EQ(server.calls, 0);
}

TEST(HttpServer, ABodyNotCompleteByItsDeadlineIsClosed) {
  HttpLimits limits;
  limits.header_timeout = Seconds(1);
  Running server(limits);
  Socket s(server.port);
  ASSERT_TRUE(s.Send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n0123456789"));
  EXPECT_TRUE(s.ClosedWithin(5));
  EXPECT_EQ(server.calls, 0) << "a worker never saw the half request";
}

TEST(HttpServer, ConnectionsPerAddressAreCapped) {
  HttpLimits limits;
  limits.max_connections_per_address = 3;
  Running server(limits);
  std::vector<std::unique_ptr<Socket>> mine;
  for (int i = 0; i < 3; ++i) mine.push_back(std::make_unique<Socket>(server.port));
  ASSERT_TRUE(server.WaitOpen(3));
  Socket fourth(server.port);
  EXPECT_TRUE(fourth.ClosedWithin(5));
  EXPECT_THAT(fourth.received(), StartsWith("HTTP/1.1 503")) << "over the cap: refused";
  // Another address is not affected...
  Socket elsewhere(server.port, "127.0.0.2");
  ASSERT_TRUE(elsewhere.Send(kGet));
  EXPECT_THAT(elsewhere.Answer(), StartsWith("HTTP/1.1 200"));
  EXPECT_EQ(server.LastRemote(), "127.0.0.2");
  // ...and a slot freed is a slot again.
  mine.pop_back();
  ASSERT_TRUE(server.WaitOpen(3));
  Socket again(server.port);
  ASSERT_TRUE(again.Send(kGet));
  EXPECT_THAT(again.Answer(), StartsWith("HTTP/1.1 200"));
}

TEST(HttpServer, ConnectionsAreCappedInTotal) {
  HttpLimits limits;
  limits.max_connections = 2;
  Running server(limits);
  Socket a(server.port), b(server.port, "127.0.0.2");
  ASSERT_TRUE(server.WaitOpen(2));
  Socket c(server.port, "127.0.0.3");
  EXPECT_TRUE(c.ClosedWithin(5));
  EXPECT_THAT(c.received(), StartsWith("HTTP/1.1 503"));
}

// Eight clients that drip header lines and sixteen silent ones, against two workers: requests
// of another client are all answered, each well before any slow client's deadline.
TEST(HttpServer, SlowAndSilentClientsDoNotDelayOthers) {
  HttpLimits limits;
  limits.workers = 2;
  Running server(limits);
  std::vector<std::unique_ptr<Socket>> slow, silent;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(std::make_unique<Socket>(server.port));
    ASSERT_TRUE(slow.back()->Send("GET /slow HTTP/1.1\r\n"));
  }
  for (int i = 0; i < 16; ++i) silent.push_back(std::make_unique<Socket>(server.port));
  std::atomic<bool> done{false};
  std::thread drip([&] {
    for (int i = 0; !done; ++i) {
      for (auto& s : slow) (void)s->Send("X-Drip-" + std::to_string(i) + ": 1\r\n");
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  Socket client(server.port);
  double worst = 0;
  for (int i = 0; i < 20; ++i) {
    const auto start = Clock::now();
    ASSERT_TRUE(client.Send(kGet));
    EXPECT_THAT(client.Answer(), StartsWith("HTTP/1.1 200"));
    worst = std::max(worst, SecondsSince(start));
  }
  done = true;
  drip.join();
  EXPECT_LT(worst, 2.0) << "the slowest of 20 requests (a slow client would hold a thread for seconds)";
}

TEST(HttpServer, TooManyHeadersAre431AndAHugeHeadToo) {
  Running server(HttpLimits{});
  std::string request = "GET /hello HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) request += "X-" + std::to_string(i) + ": 1\r\n";
  Socket s(server.port);
  ASSERT_TRUE(s.Send(request + "\r\n"));
  EXPECT_THAT(s.Answer(), StartsWith("HTTP/1.1 431"));
  EXPECT_TRUE(s.ClosedWithin(5));
  Socket huge(server.port);
  ASSERT_TRUE(huge.Send("GET /hello HTTP/1.1\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n"));
  EXPECT_THAT(huge.Answer(), StartsWith("HTTP/1.1 431"));
  EXPECT_EQ(server.calls, 0);
}

TEST(HttpServer, ExpectContinueGetsAContinueBeforeTheBody) {
  Running server(HttpLimits{});
  Socket s(server.port);
  ASSERT_TRUE(s.Send("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"));
  EXPECT_THAT(s.Answer(), StartsWith("HTTP/1.1 100 Continue"));
  ASSERT_TRUE(s.Send("body"));
  EXPECT_THAT(s.Answer(), StartsWith("HTTP/1.1 200"));
}

// What a handler sees is what cpp-httplib's server gave it.
TEST(HttpServer, TheRequestIsFilledAsCppHttplibFilledIt) {
  httplib::Request seen;
  std::mutex mu;
  HttpServer server(
      HttpLimits{},
      [&](httplib::Request& req, httplib::Response& res) {
        std::lock_guard<std::mutex> lock(mu);
        seen = req;
        res.status = 200;
      },
      [](const httplib::Request&, httplib::Response&) {});
  StatusOr<int> port = server.Bind("127.0.0.1", 0);
  ASSERT_TRUE(port.ok());
  std::thread run([&] { server.Run(); });
  httplib::Client client("127.0.0.1", *port);
  httplib::Result r = client.Post("/a%20b/c?x=1&y=two%20words", {{"X-Token", "t%41"}}, "name=Dana+B&n=2",
                                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_EQ(seen.method, "POST");
    EXPECT_EQ(seen.path, "/a b/c");
    EXPECT_EQ(seen.target, "/a%20b/c?x=1&y=two%20words") << "as sent";
    EXPECT_EQ(seen.get_param_value("x"), "1");
    EXPECT_EQ(seen.get_param_value("y"), "two words");
    EXPECT_EQ(seen.get_param_value("name"), "Dana B") << "the form body joins the params";
    EXPECT_EQ(seen.get_header_value("X-Token"), "tA") << "cpp-httplib 0.11 decoded %XX in header values";
    EXPECT_EQ(seen.body, "name=Dana+B&n=2");
    EXPECT_EQ(seen.remote_addr, "127.0.0.1");
    EXPECT_EQ(seen.version, "HTTP/1.1");
  }
  httplib::MultipartFormDataItems items = {{"csrf_token", "abc", "", ""},
                                           {"file", "a,b\r\n1,2\r\n", "calls.csv", "text/csv"}};
  r = client.Post("/import", items);
  ASSERT_TRUE(r);
  {
    std::lock_guard<std::mutex> lock(mu);
    ASSERT_TRUE(seen.is_multipart_form_data());
    EXPECT_EQ(seen.get_file_value("csrf_token").content, "abc");
    const httplib::MultipartFormData file = seen.get_file_value("file");
    EXPECT_EQ(file.content, "a,b\r\n1,2\r\n");
    EXPECT_EQ(file.filename, "calls.csv");
    EXPECT_EQ(file.content_type, "text/csv");
  }
  server.Stop();
  run.join();
}

TEST(HttpServer, TheClientAddressComesFromAProxyOnlyWhenTrusted) {
  for (const bool trust : {false, true}) {
    HttpLimits limits;
    limits.trust_proxy = trust;
    Running server(limits);
    Socket s(server.port);
    ASSERT_TRUE(s.Send("GET / HTTP/1.1\r\nX-Forwarded-For: 6.6.6.6, 203.0.113.9\r\n\r\n"));
    ASSERT_THAT(s.Answer(), StartsWith("HTTP/1.1 200"));
    EXPECT_EQ(server.LastRemote(), trust ? "203.0.113.9" : "127.0.0.1")
        << "the last entry is the proxy's; the first is whatever the client wrote";
    ASSERT_TRUE(s.Send("GET / HTTP/1.1\r\nX-Forwarded-For: not-an-address\r\n\r\n"));
    ASSERT_THAT(s.Answer(), StartsWith("HTTP/1.1 200"));
    EXPECT_EQ(server.LastRemote(), "127.0.0.1");
  }
}

TEST(ParseMultipartFormData, ReadsPartsAndRefusesBrokenBodies) {
  httplib::MultipartFormDataMap files;
  const std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n"
      "--XyZ\r\ncontent-type: text/csv\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.csv\"\r\n\r\n"
      "1,2\r\n--X\r\n--XyZ--\r\n";
  ASSERT_TRUE(ParseMultipartFormData(body, "XyZ", files));
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files.find("a")->second.content, "one");
  EXPECT_EQ(files.find("f")->second.content, "1,2\r\n--X") << "a near-boundary inside the content stays";
  EXPECT_EQ(files.find("f")->second.filename, "x.csv");
  EXPECT_EQ(files.find("f")->second.content_type, "text/csv");
  httplib::MultipartFormDataMap none;
  EXPECT_FALSE(ParseMultipartFormData("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "XyZ", none));
  EXPECT_FALSE(ParseMultipartFormData("no boundary at all", "XyZ", none));
  EXPECT_FALSE(ParseMultipartFormData("--XyZ\r\n\r\nx\r\n--XyZ junk", "XyZ", none));
}

// The bytes-to-request step a connection runs, without a socket: what a handler would get,
// what the transport answers itself, and where a pipelined next request begins.
TEST(ParseHttpRequest, ReadsWholeRequestsAndAnswersBrokenOnes) {
  const HttpLimits limits;
  const HttpPeer peer{"10.0.0.7", 51000, "127.0.0.1", 8080};
  const std::string form = "POST /o/R-1/outcome?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                           "Content-Length: 20\r\n\r\noutcome=booked&n=a+b";
  const std::string next = "GET /board HTTP/1.1\r\nHost: a\r\n\r\n";
  ParsedHttpRequest r = ParseHttpRequest(form + next, limits, peer);
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.used, form.size()) << "the next request starts after this one's body";
  EXPECT_EQ(r.request.method, "POST");
  EXPECT_EQ(r.request.path, "/o/R-1/outcome");
  EXPECT_EQ(r.request.get_param_value("x"), "1");
  EXPECT_EQ(r.request.get_param_value("outcome"), "booked");
  EXPECT_EQ(r.request.get_param_value("n"), "a b");
  EXPECT_EQ(r.request.remote_addr, "10.0.0.7");
  r = ParseHttpRequest(std::string_view(form + next).substr(r.used), limits, peer);
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.request.path, "/board");

  EXPECT_EQ(ParseHttpRequest("GET /board HTTP/1.1\r\nHost:", limits, peer).status, -1) << "the head goes on";
  EXPECT_EQ(ParseHttpRequest(form.substr(0, form.size() - 3), limits, peer).status, -1) << "the body goes on";
  EXPECT_EQ(ParseHttpRequest("GARBAGE\r\n\r\n", limits, peer).status, 400);
  EXPECT_EQ(ParseHttpRequest("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", limits, peer).status,
            411);
  EXPECT_EQ(ParseHttpRequest("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", limits, peer).status, 413);
  EXPECT_EQ(ParseHttpRequest("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n", limits, peer).status, 414);
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 101; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(ParseHttpRequest(many + "\r\n", limits, peer).status, 431);
  EXPECT_EQ(ParseHttpRequest("GET / HTTP/1.1\r\nX: " + std::string(70000, 'v') + "\r\n\r\n", limits, peer).status, 431);
  const std::string broken_multipart =
      "POST /import HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 9\r\n\r\nno parts!";
  EXPECT_EQ(ParseHttpRequest(broken_multipart, limits, peer).status, 400);
}

}  // namespace
}  // namespace ringback::web
