// The web app's HTTP/1.1 transport: event-driven, so idle or slow clients cannot starve it.
//
// One I/O thread (Boost.Asio + the Boost.Beast request parser) does all socket work: accepting,
// reading a request's head and body, writing answers, timing out. A fixed pool of workers runs
// the handler, and only on a request that has arrived whole (head and body). So a connection
// that sends nothing, sends one header line every few seconds, or sits idle between keep-alive
// requests costs a socket and a small buffer, never a worker. Every phase has a deadline:
//   - a new connection's request head: `header_timeout` from accept;
//   - an idle keep-alive connection: `idle_timeout` until the next request's first byte, then
//     `header_timeout` for its head;
//   - a body: `header_timeout` plus its Content-Length at `min_upload_rate`;
//   - an answer: `header_timeout` plus its size at `min_upload_rate`.
// A connection over a deadline is closed. Connections are capped in total and per client
// address (the socket's); the next one is answered 503 and closed.
//
// Requests are handed over as httplib::Request and answered as httplib::Response (plain value
// types here: cpp-httplib's own server is not used), so route handlers are unchanged.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"

namespace ringback::web {

struct HttpLimits {
  int workers = 8;     // threads that run handlers
  int io_threads = 1;  // threads that do socket I/O (one is plenty: they never block)
  Seconds header_timeout{10};
  Seconds idle_timeout{5};  // a kept-alive connection with no request
  std::size_t min_upload_rate = 32 * 1024;  // bytes/s a body or answer must at least move at
  std::size_t max_body = 32 * 1024 * 1024;  // the largest export one upload may carry (413)
  std::size_t max_form_body = 8192;         // an url-encoded form (413), as cpp-httplib had it
  // Request headers: a browser sends about 15, a proxy adds a few; more than 100 are answered
  // 431, as is a head over `max_header_bytes` (request line and headers).
  std::size_t max_headers = 100;
  std::size_t max_header_bytes = 64 * 1024;
  std::size_t max_target = 8192;  // a longer request target is answered 414
  int max_connections = 512;
  // An office (or a TLS proxy) shares one address, and a browser opens about six connections:
  // the cap is for one machine holding hundreds of sockets, not for a busy office.
  int max_connections_per_address = 128;
  int keep_alive_max_requests = 100;  // then the answer says Connection: close
  // Behind a TLS proxy every connection comes from the proxy: take the client's address from the
  // last X-Forwarded-For entry (the one the proxy added). Only when the proxy is the sole way in.
  bool trust_proxy = false;
};

// Runs on a worker with a complete request: fills the response (status -1 is answered 404).
// The request is the handler's to change (route matching fills req.matches).
using HttpHandler = std::function<void(httplib::Request&, httplib::Response&)>;
// Fills the body of an error the transport answers itself (400, 411, 413, 414, 431, 503) on the
// I/O thread: the request has what was parsed (often the path), res.status is set. Must be quick.
using HttpErrorPage = std::function<void(const httplib::Request&, httplib::Response&)>;

class HttpServer {
 public:
  HttpServer(HttpLimits limits, HttpHandler handler, HttpErrorPage error_page);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on host:port (port 0: any free port; SO_REUSEADDR, never SO_REUSEPORT, so a second
  // server cannot share the port) and returns the port.
  StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop(): the I/O threads and the workers start here and are joined before it
  // returns. Requests still in flight are dropped.
  void Run();
  // From any thread, before or during Run.
  void Stop();

  // Connections open now (tests and /metrics).
  int OpenConnections() const;

  struct Impl;  // internal to http_server.cc (its connections reach it)

 private:
  std::unique_ptr<Impl> impl_;
};

// Where a request came from and arrived (the REMOTE_/LOCAL_ headers a handler sees).
struct HttpPeer {
  std::string remote_addr;
  int remote_port = -1;
  std::string local_addr;
  int local_port = -1;
};

// One request read from bytes as a connection reads it from its socket: Beast's parser with
// the same limits and head checks, the same conversion to httplib::Request and the same body
// parsing (url-encoded and multipart forms). For tests and the fuzzer; the server reads
// sockets, not this.
struct ParsedHttpRequest {
  // 0: a whole request, as a handler would get it; 400, 411, 413, 414 or 431: the transport
  // answers that instead; -1: the bytes end before the request does (a connection would wait).
  int status = -1;
  httplib::Request request;  // the head once read; the body, params and files when status is 0
  std::size_t used = 0;      // bytes of the input this request took (a pipelined next follows)
};
ParsedHttpRequest ParseHttpRequest(std::string_view bytes, const HttpLimits& limits, const HttpPeer& peer);

// Parses a multipart/form-data body into `files` (name -> part) as cpp-httplib's server did.
// False when the body is not valid multipart with `boundary` (answered 400).
bool ParseMultipartFormData(const std::string& body, const std::string& boundary, httplib::MultipartFormDataMap& files);

}  // namespace ringback::web
