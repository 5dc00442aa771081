// docs/openapi.yaml must describe every API route of the route table, and nothing else: a new
// API call without its documentation, or documentation of a call that is gone, fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "web/app.h"

namespace ringback::web {
namespace {

// path -> methods ("get", "post"), read from the `paths:` section of the YAML.
std::map<std::string, std::set<std::string>> DocumentedOperations() {
  std::ifstream in(std::string(RINGBACK_SOURCE_DIR) + "/docs/openapi.yaml");
  std::map<std::string, std::set<std::string>> out;
  const std::regex path_line(R"(^  (/[^:]*):\s*$)"), method_line(R"(^    (get|post|put|delete|patch):\s*$)");
  bool in_paths = false;
  std::string current;
  for (std::string line; std::getline(in, line);) {
    if (line == "paths:") in_paths = true;
    else if (!line.empty() && line[0] != ' ') in_paths = false;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_line)) current = m[1];
    else if (std::regex_match(line, m, method_line) && !current.empty()) out[current].insert(m[1]);
  }
  return out;
}

bool PathMatches(const std::string& documented, const std::string& concrete) {
  const std::string pattern = std::regex_replace(documented, std::regex(R"(\{[^}]+\})"), "[^/]+");
  return std::regex_match(concrete, std::regex(pattern));
}

// The API, the webhooks and the calendar feeds: every route a program (not a person's browser) calls.
bool IsApi(const Route& r) {
  return r.example.starts_with("/api/") || r.example.starts_with("/hooks/") || r.example.starts_with("/ical/") ||
         r.example == "/healthz" || r.example == "/metrics";
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

TEST(OpenApi, DocumentsEveryApiRoute) {
  const auto documented = DocumentedOperations();
  ASSERT_GT(documented.size(), 10u) << "could not read the paths of docs/openapi.yaml";
  for (const Route& route : AllRoutes()) {
    if (!IsApi(route)) continue;
    bool found = false;
    for (const auto& [path, methods] : documented)
      found |= PathMatches(path, route.example) && methods.count(Lower(route.method)) > 0;
    EXPECT_TRUE(found) << route.method << " " << route.example << " is not in docs/openapi.yaml";
  }
}

TEST(OpenApi, DocumentsNoRouteThatIsGone) {
  const std::vector<Route> routes = AllRoutes();
  for (const auto& [path, methods] : DocumentedOperations())
    for (const std::string& method : methods) {
      const bool served = std::any_of(routes.begin(), routes.end(), [&](const Route& r) {
        return IsApi(r) && Lower(r.method) == method && PathMatches(path, r.example);
      });
      EXPECT_TRUE(served) << method << " " << path << " is documented but not served";
    }
}

}  // namespace
}  // namespace ringback::web
