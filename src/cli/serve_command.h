// `ringback serve`: the web app over an audit's database.
//
//   ringback serve --db FILE --config FILE [--listen 127.0.0.1:8080] [--as-of TIME]
//                  [--assets DIR] [--secure-cookie]
//
// Rebuilds the queue as of now (or --as-of), prints "ringback serve: listening on
// http://HOST:PORT" once the port is bound (--listen HOST:0 picks a free port), and serves
// until SIGINT or SIGTERM. Sign in with an account made by `ringback user add`. --assets: the
// folder of npm packages holding htmx (default: web/node_modules of the source tree).
// --secure-cookie: mark cookies Secure, for a server behind a TLS proxy.
// Exit: 0 stopped by a signal; 1 the database or config cannot be opened, or the port is
// taken; 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ringback::cli {

int ServeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
