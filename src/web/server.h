// `ringback serve`: the office's web app over the audit's database. Server-rendered pages
// (templates/web, every value escaped), a little htmx for quicker forms, and a JSON API under
// /api/ for every action a page offers (docs/openapi.yaml). Sign-in with Argon2id passwords,
// HttpOnly SameSite=Strict session cookies, a CSRF token on every form and unsafe API call, and
// the role checks of web/access.h on every route.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/time.h"
#include "web/http_server.h"

namespace ringback::web {

struct ServeOptions {
  std::string db_path;      // the audit's database, a SQLite file or PostgreSQL URI (must exist)
  std::string company = "default";  // the company (tenant) served
  std::string config_path;  // the company config; the settings page edits this file
  // More companies served by the same server, each with its config file (slug, path): a person
  // signs in once and works in any company they are a member of (--company-config SLUG=FILE).
  // `company` is the home one: the sign-in page's, /healthz's and /metrics', and the webhooks'
  // unless they name another (?company=SLUG).
  std::vector<std::pair<std::string, std::string>> companies;
  std::optional<Timestamp> as_of;  // a fixed "now" (demos, tests); the clock when unset
  std::string assets_dir;   // the npm packages folder (web/node_modules) for htmx
  bool secure_cookie = false;  // add Secure to cookies: set when a TLS proxy is in front
  // The URL the world reaches this server at ("https://ringback.example.com"): Twilio signs
  // its webhooks over it, and calendar links are shown with it. Required with a Twilio token.
  std::string public_url;
  std::string twilio_auth_token;  // from RINGBACK_TWILIO_AUTH_TOKEN; empty: Twilio hooks off
  std::string form_secret;        // from RINGBACK_FORM_SECRET; empty: the form hook is off
  HttpLimits http;  // the transport's threads, deadlines and caps (http_server.h)
  // Tests only: called while an upload is inspected (without the company's write lock).
  std::function<void()> on_inspect;
};

// "https://Example.com/base/" -> "https://example.com/base": the form the hooks sign against.
// InvalidArgument for anything but an absolute http(s) URL without a query or fragment.
StatusOr<std::string> NormalizePublicUrl(const std::string& url);

class WebServer {
 public:
  // Opens the database and config; the queue is rebuilt as of "now".
  static StatusOr<std::unique_ptr<WebServer>> Open(const ServeOptions& options);
  ~WebServer();

  // Binds to host:port (port 0: any free port) and returns the port.
  StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop() (from another thread or a signal handler's thread).
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit WebServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses "127.0.0.1:8080" (or ":8080", "8080", "[::1]:8080") into host and port.
std::optional<std::pair<std::string, int>> ParseListen(const std::string& text);

}  // namespace ringback::web
