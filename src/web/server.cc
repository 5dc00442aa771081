#include "web/server.h"

#include <kainjow/mustache.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <regex>

#include <unistd.h>

#include "config/config_loader.h"
#include "core/embedded.h"
#include "pipeline/audit.h"
#include "web/app.h"
#include "web/http_server.h"
#include "web/tokens.h"

namespace ringback::web {
namespace {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

constexpr const char* kSessionCookie = "rb_session";
constexpr const char* kFlashCookie = "rb_flash";

const std::string& TemplateText(const std::string& name) {
  static const std::map<std::string, std::string> texts = [] {
    std::map<std::string, std::string> out;
    for (const auto& [path, bytes] : embedded::web())
      if (path.starts_with("templates/web/")) out[std::string(path.substr(14))] = std::string(bytes);
    return out;
  }();
  static const std::string none;
  auto it = texts.find(name + ".mustache");
  return it == texts.end() ? none : it->second;
}

// JSON to mustache data: objects, lists, text; numbers as text; true/false as sections.
// Empty strings become false, so {{#field}} hides an empty value (kainjow treats "" as true).
mustache::data ToData(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), ToData(it.value()));
      return d;
    }
    case Json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const Json& v : j) d.push_back(ToData(v));
      return d;
    }
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      return s.empty() ? mustache::data(false) : mustache::data(s);
    }
    case Json::value_t::boolean: return mustache::data(j.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return mustache::data(std::to_string(j.get<std::int64_t>()));
    case Json::value_t::number_float: {
      std::ostringstream out;
      out << j.get<double>();
      return mustache::data(out.str());
    }
    default: return mustache::data(false);
  }
}

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                 "frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "SAMEORIGIN");
  res.set_header("Referrer-Policy", "same-origin");
  if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
}

// The body of an error the router or the transport (http_server.h) answers without a handler:
// JSON under /api/, plain text elsewhere.
void ErrorPage(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return;
  const std::string message = res.status == 404   ? "No such page."
                              : res.status == 413 ? "The request is too large (32 MiB at most)."
                              : res.status == 400 ? "The request is malformed."
                              : res.status == 411 ? "Send the body with a Content-Length (chunked bodies are refused)."
                              : res.status == 414 ? "The address is too long."
                              : res.status == 431 ? "Too many request headers (100 at most)."
                              : res.status == 503 ? "The server has too many connections open; try again shortly."
                                                  : "The request could not be served.";
  if (req.path.starts_with("/api/")) res.set_content(Json{{"error", message}}.dump(), "application/json");
  else res.set_content(message + "\n", "text/plain; charset=utf-8");
  SecurityHeaders(res);
}

void SendError(Context& ctx, int status, const std::string& message) {
  if (ctx.api) {
    SendJson(ctx, {{"error", message}}, status);
    return;
  }
  SendPage(ctx, "error", status == 403 ? "Not allowed" : status == 404 ? "Not found" : "Something went wrong",
           {{"status", status}, {"message", message}}, status);
}

// Signs the request in from its session cookie; false when there is no valid session, or the
// account is no longer a member (enabled) of any company served here. Works in the session's
// company when it still may, else in the home company, else in the first of its companies.
bool SignIn(Context& ctx) {
  const std::string token = CookieValue(ctx.req, kSessionCookie);
  if (token.size() != 64) return false;
  StatusOr<SessionRecord> session = ctx.store().GetSession(Sha256Hex(token));
  if (!session.ok() || session->expires_at < std::chrono::floor<Seconds>(std::chrono::system_clock::now()))
    return false;
  StatusOr<Account> account = ctx.store().GetAccount(session->login);
  if (!account.ok()) return false;
  ctx.memberships = ServedMemberships(ctx.app, *account);
  const Membership* chosen = ChooseMembership(ctx.app, ctx.memberships, session->company);
  if (!chosen) return false;
  ctx.session = *session;
  ctx.session.company = chosen->company;
  ctx.user = User{account->login, chosen->person, chosen->role, account->password_hash, account->created_at, false};
  ctx.UseCompany(*ctx.app.Find(chosen->company));
  return true;
}

// The token comes in the X-CSRF-Token header or the form body, never the query string (a URL
// ends up in logs and Referer headers).
bool CsrfOk(const Context& ctx) {
  std::string sent = ctx.req.get_header_value("X-CSRF-Token");
  if (sent.empty() && !ctx.api && !ctx.req.is_multipart_form_data()) {
    httplib::Params form;
    httplib::detail::parse_query_text(ctx.req.body, form);
    if (auto it = form.find("csrf_token"); it != form.end()) sent = it->second;
  }
  if (sent.empty() && ctx.req.is_multipart_form_data() && ctx.req.has_file("csrf_token"))
    sent = ctx.req.get_file_value("csrf_token").content;
  return ConstantTimeEquals(sent, ctx.session.csrf_token);
}

}  // namespace

void Dispatch(App& app, const Route& route, const httplib::Request& req, httplib::Response& res) {
  const auto started = std::chrono::steady_clock::now();
  // The flash message travels in a cookie the server set on its own redirect, never in the URL,
  // so a link cannot make the app appear to say something.
  Context ctx{req, res, app, {}, {}, req.path.starts_with("/api/"),
              httplib::detail::decode_url(CookieValue(req, kFlashCookie), true)};
  ctx.UseCompany(*app.Find(app.home));
  // A POST changes its company's data: it takes the company's turn (Company::write_mu) once the
  // request is signed in and checked. No lock is held while a GET runs.
  std::unique_lock<std::mutex> lock;
  try {
    // A webhook for another company served here names it (?company=SLUG, in the URL its sender
    // signs); a company not served is no page.
    if (route.proof == Proof::kSignature && req.has_param("company")) {
      Company* company = app.Find(req.get_param_value("company"));
      if (!company) throw HttpError{404, "No such page."};
      ctx.UseCompany(*company);
    }
    if (NeedsSession(route) && !SignIn(ctx)) {
      // Signing out of a session that already ended (another tab, expiry) still signs out.
      if (ctx.api || (req.method != "GET" && req.path != "/logout")) {
        SendError(ctx, 401, "Sign in first.");
      } else {
        res.status = 303;
        res.set_header("Location", req.path == "/logout" ? std::string("/login") : "/login?next=" + UrlEncode(req.path));
      }
    } else if (NeedsSession(route) && req.method != "GET" && !CsrfOk(ctx)) {
      SendError(ctx, 403, "The form expired or did not come from this site (CSRF check failed). Reload the page and try again.");
    } else if (route.need && !Allows(ctx.user.role, *route.need)) {
      SendError(ctx, 403, "Your role (" + std::string(AccessRoleName(ctx.user.role)) + ") may not do this.");
    } else {
      if (req.method == "POST" && !route.public_route) {
        (void)ctx.store();  // a connection first, then the turn: never wait for a turn holding none
        lock = std::unique_lock<std::mutex>(ctx.company->write_mu);
        ctx.lock = &lock;
      }
      route.handler(ctx);
    }
  } catch (const HttpError& e) {
    SendError(ctx, e.status, e.message);
  } catch (const Json::exception& e) {
    SendError(ctx, 400, std::string("The request body is not the JSON this call expects: ") + e.what());
  } catch (const std::exception& e) {
    SendError(ctx, 500, std::string("Internal error: ") + e.what());
  }
  if (lock.owns_lock()) lock.unlock();
  ctx.lease.Release();
  SecurityHeaders(res);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  app.metrics.RecordRequest(route.pattern, req.method, res.status, seconds);
}

// --- App and Context --------------------------------------------------------------------

Timestamp App::Now() const {
  return fixed_now ? *fixed_now : std::chrono::floor<Seconds>(std::chrono::system_clock::now());
}

Company* App::Find(const std::string& slug) const {
  auto it = companies.find(slug);
  return it == companies.end() ? nullptr : it->second.get();
}

Status App::AddCompany(const std::string& slug, const std::string& config_path) {
  if (!ValidCompany(slug))
    return Status::InvalidArgument("\"" + slug + "\" is not a company slug (1 to 40 of a-z, 0-9 and -)");
  if (companies.count(slug)) return Status::InvalidArgument("company \"" + slug + "\" is given twice");
  StatusOr<CompanyConfig> config = LoadConfig(config_path);
  if (!config.ok()) return config.status();
  StatusOr<std::shared_ptr<const Classifier>> classifier = Classifier::Create(*config);
  if (!classifier.ok()) return classifier.status();
  auto company = std::make_unique<Company>();
  company->slug = slug;
  company->config_path = config_path;
  company->ReplaceSettings(std::make_shared<const CompanySettings>(CompanySettings{std::move(config).value(), *classifier}));
  companies.emplace(slug, std::move(company));
  if (home.empty()) home = slug;
  return Status::Ok();
}

std::shared_ptr<const CompanySettings> Company::CurrentSettings() const {
  std::lock_guard<std::mutex> guard(settings_mu_);
  return settings_;
}

void Company::ReplaceSettings(std::shared_ptr<const CompanySettings> settings) {
  std::lock_guard<std::mutex> guard(settings_mu_);
  settings_ = std::move(settings);
}

Status RebuildCompany(App& app, Company& company, Store& store, const CompanySettings& settings) {
  AuditOptions options;
  options.db_path = app.db_path;
  options.company = company.slug;
  AuditResult result;
  result.as_of = app.Now();
  Status s = RebuildQueue(store, settings.config, options, result, settings.classifier);
  ++company.generation;  // after the commit: a page computed meanwhile is not kept as current
  return s;
}

Store& Context::store() {
  if (!lease) {
    StatusOr<StorePool::Lease> got = app.pool->Acquire(company->slug);
    if (!got.ok()) throw HttpError{503, "The database is not reachable: " + got.status().message()};
    lease = std::move(got).value();
  }
  return *lease;
}

void Context::UseCompany(Company& c) {
  if (company != &c) lease.Release();
  company = &c;
  settings = c.CurrentSettings();
}

Status Context::Rebuild() { return RebuildCompany(app, *company, store(), *settings); }

std::vector<Membership> ServedMemberships(const App& app, const Account& account) {
  std::vector<Membership> out;
  for (const Membership& m : account.memberships)
    if (!m.disabled && app.Find(m.company)) out.push_back(m);
  return out;
}

const Membership* ChooseMembership(const App& app, const std::vector<Membership>& memberships,
                                   const std::string& wanted) {
  const Membership* home = nullptr;
  for (const Membership& m : memberships) {
    if (m.company == wanted) return &m;
    if (m.company == app.home) home = &m;
  }
  return home ? home : memberships.empty() ? nullptr : &memberships.front();
}

std::string Context::Param(const std::string& name) const {
  if (api && req.method != "GET") {
    const Json& body = Body();
    if (body.is_object() && body.contains(name)) {
      const Json& v = body[name];
      // A number or a list where text is expected is the caller's mistake: say so, never guess.
      if (!v.is_string()) throw HttpError{400, name + ": expected a string, not " + std::string(v.type_name())};
      return v.get<std::string>();
    }
    return "";
  }
  // A multipart form (uploads, and the settings page: a url-encoded form is capped at 8 KiB).
  if (req.is_multipart_form_data() && req.has_file(name)) return req.get_file_value(name).content;
  return req.get_param_value(name);
}

bool Context::BoolParam(const std::string& name) const {
  if (api && req.method != "GET") {
    const Json& body = Body();
    if (!body.is_object() || !body.contains(name)) throw HttpError{400, name + ": required (true or false)"};
    const Json& v = body[name];
    if (!v.is_boolean()) throw HttpError{400, name + ": expected true or false, not " + std::string(v.type_name())};
    return v.get<bool>();
  }
  const std::string v = Param(name);
  if (v == "1" || v == "true") return true;
  if (v == "0" || v == "false") return false;
  throw HttpError{400, name + ": use true or false"};
}

const Json& Context::Body() const {
  if (!body_) {
    if (req.body.empty()) body_ = Json::object();
    else body_ = Json::parse(req.body);  // throws Json::exception: answered 400 by the router
    if (!body_->is_object()) throw HttpError{400, "The request body must be a JSON object."};
  }
  return *body_;
}

// --- answers ----------------------------------------------------------------------------

std::string RenderTemplate(const std::string& name, const Json& model) {
  mustache::mustache tmpl(TemplateText(name));
  if (!tmpl.is_valid()) throw std::runtime_error("template " + name + ": " + tmpl.error_message());
  return tmpl.render(ToData(model));
}

void SendPage(Context& ctx, const std::string& name, const std::string& title, Json model, int status) {
  const bool signed_in = !ctx.user.login.empty();
  model["csrf"] = ctx.session.csrf_token;
  Json layout = {{"title", title}, {"flash", ctx.flash}, {"signed_in", signed_in}, {"company", ctx.config().name},
                 {"csrf", ctx.session.csrf_token}, {"body", RenderTemplate(name, model)}};
  if (signed_in) {
    layout["user"] = {{"login", ctx.user.login}, {"person", ctx.user.person},
                      {"role", std::string(AccessRoleName(ctx.user.role))}};
    Json nav = Json::array();
    const AccessRole role = ctx.user.role;
    auto add = [&](const char* href, const char* label, Permission need) {
      if (Allows(role, need)) nav.push_back({{"href", href}, {"label", label}, {"current", ctx.req.path == href}});
    };
    add("/", "Board", Permission::kSeeOwnWork);
    add("/import", "Import", Permission::kImport);
    add("/review", "Weekly review", Permission::kSeeReview);
    add("/plan", "Seven-day plan", Permission::kUseTools);
    add("/checklists", "Checklists", Permission::kUseTools);
    add("/calculators", "Calculators", Permission::kUseTools);
    add("/settings", "Settings", Permission::kSeeSettings);
    layout["nav"] = nav;
    // A person of several companies switches here (POST /company, with the CSRF token).
    if (ctx.memberships.size() > 1) {
      Json companies = Json::array();
      for (const Membership& m : ctx.memberships) {
        const Company* c = ctx.app.Find(m.company);
        const std::string shown = c ? c->CurrentSettings()->config.name : std::string();
        companies.push_back({{"slug", m.company}, {"name", shown.empty() ? m.company : shown},
                             {"current", m.company == ctx.company->slug}});
      }
      layout["companies"] = companies;
      layout["switch_company"] = true;
    }
  }
  if (!ctx.flash.empty())  // shown once
    ctx.res.set_header("Set-Cookie", std::string(kFlashCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  ctx.res.status = status;
  ctx.res.set_content(RenderTemplate("layout", layout), "text/html; charset=utf-8");
}

void SendJson(Context& ctx, const Json& value, int status) {
  ctx.res.status = status;
  ctx.res.set_content(value.dump(2, ' ', false, Json::error_handler_t::replace), "application/json");
}

void Redirect(Context& ctx, const std::string& to, const std::string& message) {
  ctx.res.status = 303;
  ctx.res.set_header("Location", to);
  if (!message.empty())
    ctx.res.set_header("Set-Cookie", std::string(kFlashCookie) + "=" + UrlEncode(message) +
                                         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=60" +
                                         (ctx.app.secure_cookie ? "; Secure" : ""));
}

void Done(Context& ctx, const std::string& redirect_to, const std::string& message, Json extra) {
  if (!ctx.api) {
    Redirect(ctx, redirect_to, message);
    return;
  }
  extra["ok"] = true;
  extra["message"] = message;
  SendJson(ctx, extra);
}

std::string Local(Timestamp t, const CompanyConfig& config, const char* format) {
  return FormatLocal(t, config.time_zone, format);
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const std::size_t start = part.find_first_not_of(' ');
    part = start == std::string::npos ? "" : part.substr(start);
    if (part.starts_with(name + "=")) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

std::vector<Route> AllRoutes() {
  std::vector<Route> routes;
  AddSessionRoutes(routes);
  AddBoardRoutes(routes);
  AddOpportunityRoutes(routes);
  AddImportRoutes(routes);
  AddReviewRoutes(routes);
  AddToolRoutes(routes);
  AddSettingsRoutes(routes);
  AddHookRoutes(routes);
  return routes;
}

// --- the server -------------------------------------------------------------------------

struct WebServer::Impl {
  App app;
  std::vector<Route> routes;
  // The routes by method, in table order: the first whose pattern matches the whole path wins.
  std::vector<std::pair<std::regex, const Route*>> get, post;
  std::unique_ptr<HttpServer> http;

  // On a worker: GET (and HEAD) and POST go to their routes; any other method, or a path no
  // route matches, is a 404 (as cpp-httplib answered), and CONNECT, TRACE and PRI are a 400.
  void Handle(httplib::Request& req, httplib::Response& res) {
    const bool read = req.method == "GET" || req.method == "HEAD";
    if (!read && req.method != "POST") {
      if (req.method == "CONNECT" || req.method == "TRACE" || req.method == "PRI") res.status = 400;
      return;
    }
    for (const auto& [pattern, route] : read ? get : post) {
      if (std::regex_match(req.path, req.matches, pattern)) {
        Dispatch(app, *route, req, res);
        if (res.status == -1) res.status = 200;  // a handler that only set content
        return;
      }
    }
  }
};

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WebServer::~WebServer() {
  // Uploads still waiting can no longer be confirmed once the server stops.
  std::error_code ec;
  fs::remove_all(impl_->app.upload_dir, ec);
}

StatusOr<std::unique_ptr<WebServer>> WebServer::Open(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  App& app = impl->app;
  app.db_path = options.db_path;
  // One connection per worker: a request holds one at a time, so none waits for another's.
  // What the web app writes exists nowhere else (a person's outcome, a webhook's signal that was
  // answered 200): each commit waits for the disk, so a power cut after the answer loses none.
  app.pool = std::make_unique<StorePool>(options.db_path, static_cast<std::size_t>(std::max(options.http.workers, 1)),
                                         [](Store& store) { return store.SetDurableCommits(true); });
  {  // the database and the home company first: their absence is the likelier mistake
    StatusOr<StorePool::Lease> probe = app.pool->Acquire(options.company);
    if (!probe.ok()) return probe.status();
  }
  if (Status s = app.AddCompany(options.company, options.config_path); !s.ok()) return s;
  for (const auto& [slug, config_path] : options.companies)
    if (Status s = app.AddCompany(slug, config_path); !s.ok()) return s;
  app.fixed_now = options.as_of;
  app.assets_dir = options.assets_dir;
  app.secure_cookie = options.secure_cookie;
  if (!options.public_url.empty()) {
    StatusOr<std::string> url = NormalizePublicUrl(options.public_url);
    if (!url.ok()) return url.status();
    app.public_url = *url;
  }
  if (!options.twilio_auth_token.empty() && app.public_url.empty())
    return Status::InvalidArgument(
        "a Twilio auth token is set but no public URL: Twilio signs the URL it calls, so give it "
        "(ringback serve --public-url https://ringback.example.com)");
  app.twilio_auth_token = options.twilio_auth_token;
  app.form_secret = options.form_secret;
  app.on_inspect = options.on_inspect;
  // Every company's queue is rebuilt as of "now" (a company the database lacks is an error here).
  for (const auto& [slug, company] : app.companies) {
    StatusOr<StorePool::Lease> store = app.pool->Acquire(slug);
    if (!store.ok()) return store.status();
    if (Status s = RebuildCompany(app, *company, **store, *company->CurrentSettings()); !s.ok()) return s;
    if (slug == app.home)
      (void)(*store)->DeleteExpiredSessions(std::chrono::floor<Seconds>(std::chrono::system_clock::now()));
  }
  // Uploads wait beside a SQLite file; with PostgreSQL, in a private temporary folder of
  // this server's own.
  app.upload_dir = IsPostgresUri(options.db_path)
                       ? (fs::temp_directory_path() /
                          ("ringback-uploads-" + options.company + "-" + std::to_string(::getpid())))
                             .string()
                       : options.db_path + ".uploads";
  {  // uploads left waiting by an earlier run can no longer be confirmed: they go
    std::error_code ec;
    fs::remove_all(app.upload_dir, ec);
    // They hold buyers' data: the folder is the server's alone.
    fs::create_directories(app.upload_dir, ec);
    fs::permissions(app.upload_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  }

  impl->routes = AllRoutes();
  for (const Route& route : impl->routes)
    (route.method == "GET" ? impl->get : impl->post).emplace_back(std::regex(route.pattern), &route);
  impl->http = std::make_unique<HttpServer>(
      options.http, [raw = impl.get()](httplib::Request& req, httplib::Response& res) { raw->Handle(req, res); },
      ErrorPage);
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

StatusOr<int> WebServer::Bind(const std::string& host, int port) { return impl_->http->Bind(host, port); }

void WebServer::Run() { impl_->http->Run(); }

void WebServer::Stop() { impl_->http->Stop(); }

StatusOr<std::string> NormalizePublicUrl(const std::string& url) {
  const std::string lower = [&] {
    std::string out = url;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }();
  const std::size_t scheme_end = lower.starts_with("https://") ? 8 : lower.starts_with("http://") ? 7 : 0;
  if (scheme_end == 0 || url.size() == scheme_end || url.find_first_of("?# \t") != std::string::npos)
    return Status::InvalidArgument("--public-url: \"" + url + "\" is not an http(s) URL such as https://ringback.example.com");
  const std::size_t path = url.find('/', scheme_end);
  std::string out = lower.substr(0, path == std::string::npos ? url.size() : path);  // scheme and host: any case
  if (path != std::string::npos) out += url.substr(path);                           // the path: as written
  while (out.size() > scheme_end && out.back() == '/') out.pop_back();
  return out;
}

std::optional<std::pair<std::string, int>> ParseListen(const std::string& text) {
  std::string host = "127.0.0.1", port_text = text;
  if (text.starts_with("[")) {
    const std::size_t close = text.find("]:");
    if (close == std::string::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else if (const std::size_t colon = text.rfind(':'); colon != std::string::npos) {
    if (colon > 0) host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  if (port_text.empty() || port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int port = std::stoi(port_text);
  if (port > 65535) return std::nullopt;
  return std::make_pair(host, port);
}

}  // namespace ringback::web
