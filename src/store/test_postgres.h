// Tests only: a throwaway PostgreSQL cluster and fresh databases on it. CTest's fixture starts
// one cluster for the whole run (tests/pg/cluster) and passes the URI of its "postgres" database
// in RINGBACK_TEST_PG; a test binary run by hand starts its own the same way and removes it at
// exit. A database made during a test is dropped when the test ends, one made for a whole suite
// (SetUpTestSuite) when the suite ends, so the cluster stays small. Database names are ours
// (letters, digits, _), never data.
#pragma once

#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace ringback::test_postgres {

// The cluster this process started (none when RINGBACK_TEST_PG was given); stopped at exit.
struct OwnCluster {
  std::string dir;
  ~OwnCluster() {
    if (!dir.empty() && std::system((std::string(RINGBACK_SOURCE_DIR) + "/tests/pg/cluster stop '" + dir + "'").c_str()) != 0) {
    }
  }
};

// The URI of the cluster's maintenance database; empty, with `error` set, when there is none.
inline const std::string& ServerUri(std::string* error = nullptr) {
  static OwnCluster own;
  static std::string why;
  static const std::string uri = [] {
    if (const char* given = std::getenv("RINGBACK_TEST_PG"); given && *given) return std::string(given);
    own.dir = "/tmp/ringback-pg-" + std::to_string(::getpid());
    FILE* pipe = popen((std::string(RINGBACK_SOURCE_DIR) + "/tests/pg/cluster start '" + own.dir + "' 2>&1").c_str(), "r");
    std::string out;
    char buf[512];
    while (pipe && fgets(buf, sizeof buf, pipe)) out += buf;
    const int status = pipe ? pclose(pipe) : -1;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    if (status != 0 || out.rfind("postgresql://", 0) != 0) {
      why = "cannot start a PostgreSQL cluster for the tests: " + out;
      own.dir.clear();
      return std::string();
    }
    return out;
  }();
  if (error) *error = why;
  return uri;
}

// The URI of database `name` on the test cluster.
inline std::string UriOf(const std::string& name) {
  std::string uri = ServerUri();
  const std::size_t at = uri.find("/postgres");
  if (at != std::string::npos) uri.replace(at, 9, "/" + name);
  return uri;
}

// The databases made and not yet dropped: for a test, and for its suite.
struct Made {
  std::vector<std::string> test_names, suite_names;
  std::set<std::string> uris;
};
inline Made& Databases() {
  static Made made;
  return made;
}

inline void Drop(std::vector<std::string>& names) {
  if (names.empty()) return;
  try {
    pqxx::connection conn(ServerUri());
    pqxx::nontransaction tx(conn);
    for (const std::string& name : names) {
      tx.exec0("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      Databases().uris.erase(UriOf(name));
    }
  } catch (const std::exception&) {
    // The cluster goes at the end of the run anyway.
  }
  names.clear();
}

class DropWhenDone : public ::testing::EmptyTestEventListener {
  void OnTestEnd(const ::testing::TestInfo&) override { Drop(Databases().test_names); }
  void OnTestSuiteEnd(const ::testing::TestSuite&) override { Drop(Databases().suite_names); }
};

// True while the database at `uri` (made by NewDatabase) has not been dropped.
inline bool Live(const std::string& uri) { return Databases().uris.count(uri) > 0; }

// Creates an empty database and returns its URI ("" when the cluster is missing). `hint`
// becomes part of its name, for reading the server's log.
inline std::string NewDatabase(const std::string& hint) {
  if (ServerUri().empty()) return "";
  static int counter = 0;
  static const bool listening = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new DropWhenDone);
    return true;
  }();
  (void)listening;
  std::string name = "rb_";
  for (char c : hint) {
    if (name.size() >= 40) break;
    const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    name += (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ? lower : '_';
  }
  name += "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  pqxx::connection conn(ServerUri());
  pqxx::nontransaction tx(conn);
  tx.exec0("CREATE DATABASE " + name);
  (::testing::UnitTest::GetInstance()->current_test_info() ? Databases().test_names : Databases().suite_names)
      .push_back(name);
  Databases().uris.insert(UriOf(name));
  return UriOf(name);
}

// The first column of the first row of `sql` on `uri`, as text; "" when there is no row.
inline std::string QueryText(const std::string& uri, const std::string& sql) {
  pqxx::connection conn(uri);
  pqxx::nontransaction tx(conn);
  const pqxx::result r = tx.exec(sql);
  return r.empty() || r[0][0].is_null() ? std::string() : std::string(r[0][0].c_str());
}

// The first column of every row of `sql` on `uri`, each followed by a newline.
inline std::string QueryColumn(const std::string& uri, const std::string& sql) {
  pqxx::connection conn(uri);
  pqxx::nontransaction tx(conn);
  std::string out;
  for (const auto& row : tx.exec(sql)) out += std::string(row[0].is_null() ? "" : row[0].c_str()) + "\n";
  return out;
}

// Runs `sql` (no values) on `uri`.
inline void Exec(const std::string& uri, const std::string& sql) {
  pqxx::connection conn(uri);
  pqxx::nontransaction tx(conn);
  tx.exec(sql);
}

}  // namespace ringback::test_postgres
