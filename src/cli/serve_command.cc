#include "cli/serve_command.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <ostream>
#include <thread>

#include "cli/commands.h"
#include "cli/parse.h"
#include "config/config_loader.h"
#include "core/text.h"
#include "web/server.h"

#ifndef RINGBACK_WEB_ASSETS
#define RINGBACK_WEB_ASSETS "web/node_modules"
#endif

namespace ringback::cli {

int ServeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("Serve the web app over an audit's database.", "serve");
  web::ServeOptions options;
  std::string listen = "127.0.0.1:8080", as_of;
  options.assets_dir = RINGBACK_WEB_ASSETS;
  app.add_option("--db", options.db_path, kDbHelp)->required();
  AddCompanyOption(app, options.company);
  app.add_option("--config", options.config_path, "Company configuration (TOML); the settings page edits it")
      ->required();
  std::vector<std::string> company_configs;
  app.add_option("--company-config", company_configs,
                 "Serve another company of the database too, with its own config: SLUG=FILE (repeatable); "
                 "--company and --config stay the first (home) company");
  app.add_option("--listen", listen, "HOST:PORT to listen on (PORT 0: any free port)")->default_val(listen);
  app.add_option("--as-of", as_of, "Fix \"now\", e.g. 2026-11-23T08:00 (company time), for demos and tests");
  app.add_option("--assets", options.assets_dir, "Folder of npm packages with htmx (web/node_modules)");
  app.add_flag("--secure-cookie", options.secure_cookie, "Mark cookies Secure (behind a TLS proxy)");
  app.add_option("--public-url", options.public_url,
                 "The URL Twilio and calendar apps reach this server at (https://ringback.example.com); "
                 "needed for the Twilio webhooks, which are signed over it");
  web::HttpLimits& http = options.http;
  app.add_option("--workers", http.workers, "Threads that run requests (sockets never hold one)")
      ->default_val(http.workers)
      ->check(CLI::Range(1, 256));
  app.add_option("--max-connections", http.max_connections, "Open connections at most; more are answered 503")
      ->default_val(http.max_connections)
      ->check(CLI::Range(1, 100000));
  app.add_option("--max-connections-per-address", http.max_connections_per_address,
                 "Open connections from one client address at most (behind a proxy: the proxy's)")
      ->default_val(http.max_connections_per_address)
      ->check(CLI::Range(1, 100000));
  app.add_flag("--trust-proxy", http.trust_proxy,
               "Take the client's address from the last X-Forwarded-For entry (only when a TLS proxy is the sole "
               "way in): sign-in throttling counts per login and address");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  for (const std::string& pair : company_configs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
      err << "ringback serve: --company-config: \"" << pair << "\" is not SLUG=FILE (e.g. acme=acme.toml)\n";
      return kExitUsage;
    }
    options.companies.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  // Secrets come from the environment only, never from a flag (a command line is visible to
  // every user of the machine) or a file in the repository.
  auto secret = [](const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(Trim(value)) : std::string();
  };
  options.twilio_auth_token = secret("RINGBACK_TWILIO_AUTH_TOKEN");
  options.form_secret = secret("RINGBACK_FORM_SECRET");
  if (!options.twilio_auth_token.empty() && options.public_url.empty()) {
    err << "ringback serve: RINGBACK_TWILIO_AUTH_TOKEN is set but --public-url is not: Twilio signs the URL it "
           "calls, so give it (e.g. --public-url https://ringback.example.com)\n";
    return kExitUsage;
  }
  if (!options.public_url.empty()) {
    StatusOr<std::string> url = web::NormalizePublicUrl(options.public_url);
    if (!url.ok()) {
      err << "ringback serve: " << url.status().message() << "\n";
      return kExitUsage;
    }
  }
  const std::optional<std::pair<std::string, int>> where = web::ParseListen(listen);
  if (!where) {
    err << "ringback serve: --listen: \"" << listen << "\" is not HOST:PORT (e.g. 127.0.0.1:8080)\n";
    return kExitUsage;
  }
  if (!as_of.empty()) {
    StatusOr<CompanyConfig> config = LoadConfig(options.config_path);
    if (!config.ok()) {
      err << "ringback serve: " << config.status().message() << "\n";
      return kExitFatal;
    }
    options.as_of = ParseTimeArg(as_of, config->time_zone);
    if (!options.as_of) {
      err << "ringback serve: --as-of: not a time: \"" << as_of << "\" (use 2026-11-23T08:00)\n";
      return kExitUsage;
    }
  }
  // Block the stop signals in every thread the server starts; one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  StatusOr<std::unique_ptr<web::WebServer>> server = web::WebServer::Open(options);
  if (!server.ok()) {
    err << "ringback serve: " << server.status().message() << "\n";
    return kExitFatal;
  }
  StatusOr<int> port = (*server)->Bind(where->first, where->second);
  if (!port.ok()) {
    err << "ringback serve: " << port.status().message() << "\n";
    return kExitFatal;
  }
  const std::string host = where->first.find(':') != std::string::npos ? "[" + where->first + "]" : where->first;
  out << "ringback serve: Twilio webhooks "
      << (options.twilio_auth_token.empty() ? "off (no RINGBACK_TWILIO_AUTH_TOKEN)"
                                            : "on at " + *web::NormalizePublicUrl(options.public_url) + "/hooks/twilio/")
      << "; form hook " << (options.form_secret.empty() ? "off (no RINGBACK_FORM_SECRET)" : "on") << std::endl;
  out << "ringback serve: listening on http://" << host << ":" << *port << std::endl;
  web::WebServer* running = server->get();
  std::thread waiter([&stop_signals, running] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    running->Stop();
  });
  running->Run();
  // Run() also returns if the listener fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  out << "ringback serve: stopped" << std::endl;
  return kExitOk;
}

}  // namespace ringback::cli
