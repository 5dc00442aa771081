#include "web/http_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>
#include <vector>

namespace ringback::web {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

// An error's connection is read and thrown away for this long (or until the client is done
// sending) before it is closed: closing with unread data resets the connection, and the client
// would lose the answer (a 413 to a 32 MiB upload is read after the upload).
constexpr std::uint64_t kLingerBytes = 64ull * 1024 * 1024;

// Methods cpp-httplib accepted; anything else was a 400.
bool KnownMethod(std::string_view m) {
  static const std::array<std::string_view, 10> kMethods = {"GET",     "HEAD",    "POST",  "PUT",   "DELETE",
                                                            "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"};
  return std::find(kMethods.begin(), kMethods.end(), m) != kMethods.end();
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// "::ffff:10.0.0.1" -> "10.0.0.1": one client, one key, whichever socket family it came over.
std::string AddressText(const net::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return net::ip::make_address_v4(net::ip::v4_mapped, a.to_v6()).to_string();
  return a.to_string();
}

Seconds TransferDeadline(const HttpLimits& limits, std::uint64_t bytes) {
  return limits.header_timeout + Seconds(static_cast<std::int64_t>(bytes / std::max<std::size_t>(limits.min_upload_rate, 1)));
}

using Parser = http::request_parser<http::string_body>;
using Message = http::request<http::string_body>;

struct HeadVerdict {
  int status = 0;           // 0: read the body; else the answer the transport gives
  std::uint64_t linger = 0;  // how much of the request may still come (read and dropped)
};

// A parse error of the head: 431 when it outgrew the header limit, else 400.
int StatusOfHeadError(beast::error_code ec) { return ec == http::error::header_limit ? 431 : 400; }

// A whole request head, checked against the limits before any of its body is read.
HeadVerdict CheckHead(const Parser& parser, const HttpLimits& limits) {
  const auto& head = parser.get();
  const std::uint64_t length = parser.content_length().value_or(0);
  std::size_t fields = 0;
  for (auto it = head.begin(); it != head.end(); ++it) ++fields;
  if (head.version() != 10 && head.version() != 11) return {400, 0};
  if (!KnownMethod(std::string_view(head.method_string().data(), head.method_string().size()))) return {400, 0};
  if (head.target().size() > limits.max_target) return {414, length};
  if (fields > limits.max_headers) return {431, length};
  // The body limit holds against a length given up front: a chunked body would only show its
  // size while being read. Browsers and API clients send a length.
  if (head.find(http::field::transfer_encoding) != head.end()) return {411, kLingerBytes};
  if (length > limits.max_body) return {413, length};
  const auto type = head[http::field::content_type];
  if (length > limits.max_form_body &&
      StartsWithNoCase(std::string_view(type.data(), type.size()), "application/x-www-form-urlencoded"))
    return {413, length};
  return {};
}

// The request line and headers into an httplib::Request, as cpp-httplib's server filled it.
void ConvertHead(const Message& message, const HttpLimits& limits, const HttpPeer& peer, httplib::Request& req) {
  req.method = std::string(message.method_string());
  req.version = message.version() == 10 ? "HTTP/1.0" : "HTTP/1.1";
  req.target = std::string(message.target());
  if (const std::size_t hash = req.target.find('#'); hash != std::string::npos) req.target.erase(hash);
  const std::size_t query = req.target.find('?');
  req.path = httplib::detail::decode_url(req.target.substr(0, query), false);
  if (query != std::string::npos && query + 1 < req.target.size())
    httplib::detail::parse_query_text(req.target.substr(query + 1), req.params);
  for (const auto& field : message) {
    const std::string value = Trimmed(std::string_view(field.value().data(), field.value().size()));
    if (value.empty()) continue;  // cpp-httplib dropped empty headers, and decoded %XX in values
    req.headers.emplace(std::string(field.name_string()), httplib::detail::decode_url(value, false));
  }
  req.remote_addr = peer.remote_addr;
  req.remote_port = peer.remote_port;
  if (limits.trust_proxy) {
    // The last entry is the one the trusted proxy added; earlier ones are the client's word.
    const std::string forwarded = req.get_header_value("X-Forwarded-For");
    const std::size_t comma = forwarded.rfind(',');
    const std::string last = Trimmed(comma == std::string::npos ? forwarded : forwarded.substr(comma + 1));
    beast::error_code ec;
    const net::ip::address parsed = net::ip::make_address(last, ec);
    if (!last.empty() && !ec) req.remote_addr = AddressText(parsed);
  }
  req.local_addr = peer.local_addr;
  req.local_port = peer.local_port;
  req.set_header("REMOTE_ADDR", req.remote_addr);
  req.set_header("REMOTE_PORT", std::to_string(req.remote_port));
  req.set_header("LOCAL_ADDR", req.local_addr);
  req.set_header("LOCAL_PORT", std::to_string(req.local_port));
}

// The body into `req`: an url-encoded form's fields, a multipart form's parts. False when a
// multipart body does not parse (answered 400).
bool TakeBody(std::string body, httplib::Request& req) {
  req.body = std::move(body);
  if (StartsWithNoCase(req.get_header_value("Content-Type"), "application/x-www-form-urlencoded"))
    httplib::detail::parse_query_text(req.body, req.params);
  if (!req.is_multipart_form_data()) return true;
  const std::string type = req.get_header_value("Content-Type");
  const std::size_t at = type.find("boundary=");
  if (at == std::string::npos) return false;
  std::string boundary = type.substr(at + 9);
  if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
    boundary = boundary.substr(1, boundary.size() - 2);
  return !boundary.empty() && ParseMultipartFormData(req.body, boundary, req.files);
}

// A fixed set of threads running jobs in arrival order.
class WorkerPool {
 public:
  void Start(int n) {
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { Loop(); });
  }
  void Post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return;
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }
  // Finishes the jobs that are running, drops the rest, and joins.
  void Stop() {
    std::deque<std::function<void()>> dropped;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      dropped.swap(jobs_);
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

 private:
  void Loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

}  // namespace

struct HttpServer::Impl {
  HttpLimits limits;
  HttpHandler handler;
  HttpErrorPage error_page;
  std::atomic<bool> stopped{false};
  // Before the io_context: a connection its destructor still holds gives back its slot here.
  mutable std::mutex count_mu;
  int open = 0;
  std::map<std::string, int> by_address;
  WorkerPool workers;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::steady_timer accept_retry{ioc};

  // Takes a connection slot for `address`; false when a cap is reached.
  bool Admit(const std::string& address) {
    std::lock_guard<std::mutex> lock(count_mu);
    int& mine = by_address[address];
    if (open >= limits.max_connections || mine >= limits.max_connections_per_address) {
      if (mine == 0) by_address.erase(address);
      return false;
    }
    ++open;
    ++mine;
    return true;
  }
  void Release(const std::string& address) {
    std::lock_guard<std::mutex> lock(count_mu);
    --open;
    auto it = by_address.find(address);
    if (it != by_address.end() && --it->second <= 0) by_address.erase(it);
  }

  void Accept();
  void Refuse(tcp::socket socket);
};

namespace {

// One client connection: read a request (head, then body), hand it to a worker, write the
// answer, and wait for the next. Lives as long as an operation or a worker holds it.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(HttpServer::Impl& server, tcp::socket socket, std::string address)
      : server_(server), limits_(server.limits), stream_(std::move(socket)) {
    peer_.remote_addr = std::move(address);
    beast::error_code ec;
    const tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    peer_.remote_port = ec ? -1 : remote.port();
    const tcp::endpoint local = stream_.socket().local_endpoint(ec);
    if (!ec) {
      peer_.local_addr = AddressText(local.address());
      peer_.local_port = local.port();
    }
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }
  ~Connection() { server_.Release(peer_.remote_addr); }

  void Start() { ReadHead(); }

 private:
  // A kept-alive connection waits for the first byte of its next request under the idle
  // deadline, then has the head deadline for the rest of the head.
  void WaitIdle() {
    if (buffer_.size() > 0) {  // the next request came with the last (pipelining)
      ReadHead();
      return;
    }
    if (buffer_.capacity() > 16 * 1024) buffer_ = beast::flat_buffer();  // an idle socket holds little
    stream_.expires_after(limits_.idle_timeout);
    stream_.async_read_some(buffer_.prepare(2048), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->Close();
      self->buffer_.commit(n);
      self->ReadHead();
    });
  }

  void ReadHead() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
    // The body's size is checked against the limit once the head is in (OnHead), so that the
    // 413 knows how much of the body to drain; Beast would fail the head without telling. (Not
    // boost::none: Boost 1.74 then takes every Content-Length for over the limit.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(limits_.header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHead(ec); });
  }

  void OnHead(beast::error_code ec) {
    if (ec == beast::error::timeout) return;  // the stream closed the socket
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset)
      return Close();
    if (ec) return Fail(StatusOfHeadError(ec), ec == http::error::header_limit ? kLingerBytes : 0);
    if (const HeadVerdict verdict = CheckHead(*parser_, limits_); verdict.status != 0)
      return Fail(verdict.status, verdict.linger);
    const auto& head = parser_->get();
    const std::uint64_t length = parser_->content_length().value_or(0);
    if (beast::iequals(head[http::field::expect], "100-continue") && length > 0) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(limits_.header_timeout);
      net::async_write(stream_, net::buffer(kContinue), [self = shared_from_this()](beast::error_code e, std::size_t) {
        if (e) return self->Close();
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    parser_->body_limit(limits_.max_body);
    if (parser_->is_done()) return Hand();
    stream_.expires_after(TransferDeadline(limits_, parser_->content_length().value_or(0)));
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec == beast::error::timeout) return;
      if (ec) return self->Close();
      self->Hand();
    });
  }

  // The whole request is here: a worker takes it from now on.
  void Hand() {
    stream_.expires_never();
    auto request = std::make_shared<Message>(parser_->release());
    parser_.reset();
    server_.workers.Post([self = shared_from_this(), request] { self->Work(*request); });
  }

  // On a worker: the handler, then the answer goes back to the I/O thread to be written.
  void Work(Message& message) {
    httplib::Request req;
    httplib::Response res;
    ConvertHead(message, limits_, peer_, req);
    if (!TakeBody(std::move(message.body()), req)) {
      res.status = 400;
      server_.error_page(req, res);
    } else {
      try {
        server_.handler(req, res);
      } catch (...) {  // the handler answers its own errors; this is a last resort
        res = httplib::Response();
        res.status = 500;
      }
      if (res.status == -1) res.status = 404;
      if (res.status >= 400 && res.body.empty()) server_.error_page(req, res);
    }
    ++served_;
    const bool close = !message.keep_alive() || served_ >= limits_.keep_alive_max_requests ||
                       beast::iequals(res.get_header_value("Connection"), "close");
    Serialize(req, res, close, /*linger=*/0);
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->Write(); });
  }

  // The answer's head and body, ready to write. `linger`: bytes to read and drop after it.
  void Serialize(const httplib::Request& req, httplib::Response& res, bool close, std::uint64_t linger) {
    if (close) {
      res.set_header("Connection", "close");
    } else {
      res.set_header("Keep-Alive", "timeout=" + std::to_string(limits_.idle_timeout.count()) +
                                       ", max=" + std::to_string(limits_.keep_alive_max_requests));
    }
    if (!res.has_header("Content-Type") && !res.body.empty()) res.set_header("Content-Type", "text/plain");
    res.set_header("Content-Length", std::to_string(res.body.size()));
    if (req.method == "HEAD" && !res.has_header("Accept-Ranges")) res.set_header("Accept-Ranges", "bytes");
    const auto reason = http::obsolete_reason(http::int_to_status(static_cast<unsigned>(res.status)));
    head_ = "HTTP/1.1 " + std::to_string(res.status) + " " + std::string(reason.data(), reason.size()) + "\r\n";
    for (const auto& [name, value] : res.headers) head_ += name + ": " + value + "\r\n";
    head_ += "\r\n";
    body_ = req.method == "HEAD" ? std::string() : std::move(res.body);
    close_ = close;
    linger_ = linger;
  }

  void Write() {
    stream_.expires_after(TransferDeadline(limits_, head_.size() + body_.size()));
    const std::array<net::const_buffer, 2> buffers = {net::buffer(head_), net::buffer(body_)};
    net::async_write(stream_, buffers, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->Close();
      self->head_.clear();
      self->body_ = std::string();
      if (self->close_) return self->linger_ > 0 ? self->Linger() : self->Close();
      self->WaitIdle();
    });
  }

  // The transport's own error answer: the page of error_page, then the connection closes.
  // `linger`: how much of the request may still be on its way (read and dropped first).
  void Fail(int status, std::uint64_t linger) {
    httplib::Request req;
    httplib::Response res;
    if (parser_ && parser_->is_header_done()) {
      ConvertHead(parser_->get(), limits_, peer_, req);
      // The body is not read: what is buffered already counts against what may still come.
      linger = linger > buffer_.size() ? linger - buffer_.size() : 0;
    }
    parser_.reset();
    buffer_.consume(buffer_.size());
    res.status = status;
    server_.error_page(req, res);
    Serialize(req, res, /*close=*/true, std::clamp<std::uint64_t>(linger, 1024 * 1024, kLingerBytes));
    Write();
  }

  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::min<Seconds>(TransferDeadline(limits_, linger_), Seconds(60)));
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drop_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec || n >= self->linger_) return self->Close();
      self->linger_ -= n;
      self->Drain();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  HttpServer::Impl& server_;
  const HttpLimits& limits_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  HttpPeer peer_;
  int served_ = 0;
  std::string head_, body_;
  bool close_ = false;
  std::uint64_t linger_ = 0;
  std::array<char, 16 * 1024> drop_{};
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {  // out of file descriptors, mostly: try again shortly rather than spin
      accept_retry.expires_after(std::chrono::milliseconds(100));
      accept_retry.async_wait([this](beast::error_code e) {
        if (!e) Accept();
      });
      return;
    }
    beast::error_code endpoint_ec;
    const tcp::endpoint remote = socket.remote_endpoint(endpoint_ec);
    if (!endpoint_ec) {
      std::string address = AddressText(remote.address());
      if (Admit(address)) std::make_shared<Connection>(*this, std::move(socket), std::move(address))->Start();
      else Refuse(std::move(socket));
    }
    Accept();
  });
}

// Over a cap: a short 503 and the connection closes (nothing of it is read).
void HttpServer::Impl::Refuse(tcp::socket socket) {
  httplib::Request req;
  httplib::Response res;
  res.status = 503;
  error_page(req, res);
  auto text = std::make_shared<std::string>("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: " +
                                            res.get_header_value("Content-Type") + "\r\nContent-Length: " +
                                            std::to_string(res.body.size()) + "\r\n\r\n" + res.body);
  auto held = std::make_shared<tcp::socket>(std::move(socket));
  net::async_write(*held, net::buffer(*text), [held, text](beast::error_code, std::size_t) {
    beast::error_code ec;
    held->shutdown(tcp::socket::shutdown_both, ec);
    held->close(ec);
  });
}

HttpServer::HttpServer(HttpLimits limits, HttpHandler handler, HttpErrorPage error_page)
    : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->handler = std::move(handler);
  impl_->error_page = std::move(error_page);
}

HttpServer::~HttpServer() = default;

StatusOr<int> HttpServer::Bind(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  const auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) return Status::IoError("cannot listen on " + where + ": " + ec.message());
  for (const auto& entry : endpoints) {
    tcp::acceptor& acceptor = impl_->acceptor;
    acceptor.open(entry.endpoint().protocol(), ec);
    if (ec) continue;
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
    acceptor.bind(entry.endpoint(), ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (!ec) return static_cast<int>(acceptor.local_endpoint().port());
    beast::error_code ignored;
    acceptor.close(ignored);
  }
  return Status::IoError("cannot listen on " + where + " (in use, or not allowed)");
}

void HttpServer::Run() {
  if (impl_->stopped) return;
  impl_->workers.Start(std::max(impl_->limits.workers, 1));
  net::post(impl_->ioc, [this] { impl_->Accept(); });
  std::vector<std::thread> extra;
  for (int i = 1; i < impl_->limits.io_threads; ++i) extra.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (std::thread& t : extra) t.join();
  impl_->workers.Stop();
}

void HttpServer::Stop() {
  impl_->stopped = true;
  net::post(impl_->ioc, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    impl_->accept_retry.cancel();
  });
  impl_->ioc.stop();
}

int HttpServer::OpenConnections() const {
  std::lock_guard<std::mutex> lock(impl_->count_mu);
  return impl_->open;
}

// --- one request from bytes (tests, fuzzing) ------------------------------------------------

ParsedHttpRequest ParseHttpRequest(std::string_view bytes, const HttpLimits& limits, const HttpPeer& peer) {
  ParsedHttpRequest out;
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.max_header_bytes, UINT32_MAX)));
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());  // as a connection's ReadHead
  beast::error_code ec;
  // Beast takes a head in one piece: given all the bytes, it reads the head or asks for more.
  out.used = parser.put(net::buffer(bytes.data(), bytes.size()), ec);
  if (ec == http::error::need_more) return out;
  if (ec) {
    out.status = StatusOfHeadError(ec);
    return out;
  }
  ConvertHead(parser.get(), limits, peer, out.request);
  if (const HeadVerdict verdict = CheckHead(parser, limits); verdict.status != 0) {
    out.status = verdict.status;
    return out;
  }
  parser.body_limit(limits.max_body);
  while (!parser.is_done()) {
    if (out.used == bytes.size()) return out;  // the rest of the body has not arrived
    const std::size_t n = parser.put(net::buffer(bytes.data() + out.used, bytes.size() - out.used), ec);
    out.used += n;
    if (ec == http::error::need_more) return out;
    if (ec) {
      out.status = 400;
      return out;
    }
    if (n == 0) return out;  // no progress: the rest has not arrived
  }
  out.status = TakeBody(std::move(parser.release().body()), out.request) ? 0 : 400;
  return out;
}

// --- multipart/form-data ------------------------------------------------------------------

bool ParseMultipartFormData(const std::string& body, const std::string& boundary, httplib::MultipartFormDataMap& files) {
  static const std::regex kDisposition(
      R"~(^Content-Disposition:\s*form-data;\s*name="(.*?)"(?:;\s*filename="(.*?)")?(?:;\s*filename\*=\S+)?\s*$)~",
      std::regex_constants::icase);
  constexpr std::size_t kMaxParts = 1024;
  constexpr std::size_t kMaxPartHeaderLine = 8192;
  const std::string first = "--" + boundary + "\r\n";
  const std::string delimiter = "\r\n--" + boundary;
  std::size_t pos = body.find(first);  // a preamble before it is ignored
  if (pos == std::string::npos) return false;
  pos += first.size();
  for (std::size_t parts = 0;; ++parts) {
    if (parts == kMaxParts) return false;
    httplib::MultipartFormData part;
    for (;;) {  // the part's headers, up to an empty line
      const std::size_t eol = body.find("\r\n", pos);
      if (eol == std::string::npos || eol - pos > kMaxPartHeaderLine) return false;
      const std::string line = body.substr(pos, eol - pos);
      pos = eol + 2;
      if (line.empty()) break;
      std::smatch m;
      if (StartsWithNoCase(line, "content-type:")) part.content_type = Trimmed(std::string_view(line).substr(13));
      else if (std::regex_match(line, m, kDisposition)) {
        part.name = m[1];
        part.filename = m[2];
      }
    }
    const std::size_t end = body.find(delimiter, pos);
    if (end == std::string::npos) return false;
    part.content = body.substr(pos, end - pos);
    files.emplace(part.name, std::move(part));
    pos = end + delimiter.size();
    if (body.compare(pos, 2, "--") == 0) return true;  // the close delimiter; an epilogue may follow
    if (body.compare(pos, 2, "\r\n") != 0) return false;
    pos += 2;
  }
}

}  // namespace ringback::web
